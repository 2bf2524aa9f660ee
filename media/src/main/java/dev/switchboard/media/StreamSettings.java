package dev.switchboard.media;

import dev.switchboard.media.codec.G711;
import dev.switchboard.media.voice.VoiceCodec;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What offer/answer settled for one call's audio stream, and the formats the agent's provider listens and speaks
 * in. Providers differ per direction: Gemini Live listens to 16 kHz PCM and speaks 24 kHz PCM; OpenAI takes
 * 24 kHz PCM or G.711, the same both ways.
 *
 * @param remote                    where the caller's SDP said to send RTP; replaced by the address packets
 *                                  actually come from once the first one arrives (symmetric RTP, RFC 4961)
 * @param codec                     the negotiated voice codec
 * @param payloadType               its RTP payload type, 0–127
 * @param telephoneEventPayloadType RFC 4733 events' payload type, 0–127, or -1 when not negotiated
 * @param telephoneEventClockRate   the events' clock (8000, or 48000 beside Opus); their durations count in it
 * @param comfortNoisePayloadType   RFC 3389 CN's payload type, 0–127, or -1 when not negotiated
 * @param agentInput                what caller audio is converted to before it reaches the agent; the call's own
 *                                  G.711 law passes the RTP payload through untouched
 * @param agentOutput               what the agent's audio arrives in; the call's own G.711 law goes on the wire
 *                                  untouched, byte for byte
 * @param localVad                  whether the session detects, from the caller's audio, when the caller starts
 *                                  speaking ({@link MediaSessionListener#onCallerSpeechStarted()}): for providers
 *                                  that do not report it themselves
 * @param rtcpMux                   RTCP shares the RTP port (RFC 5761), as {@code a=rtcp-mux} agreed; else it
 *                                  goes to the remote's RTP port + 1
 */
public record StreamSettings(
        InetSocketAddress remote, VoiceCodec codec, int payloadType, int telephoneEventPayloadType,
        int telephoneEventClockRate, int comfortNoisePayloadType, MediaFormat agentInput, MediaFormat agentOutput,
        boolean localVad, boolean rtcpMux) {

    public StreamSettings {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(agentInput, "agentInput");
        Objects.requireNonNull(agentOutput, "agentOutput");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type must be 0-127, not " + payloadType);
        }
        checkOptionalType("telephone-event", telephoneEventPayloadType);
        checkOptionalType("CN", comfortNoisePayloadType);
        if (telephoneEventClockRate != 8_000 && telephoneEventClockRate != 16_000
                && telephoneEventClockRate != 48_000) {
            throw new IllegalArgumentException("telephone-event clock must be 8000, 16000 or 48000 Hz, not "
                    + telephoneEventClockRate);
        }
    }

    /** A G.711 stream with separate agent formats per direction, events at 8000 Hz, no CN, no rtcp-mux. */
    public StreamSettings(InetSocketAddress remote, G711 codec, int payloadType, int telephoneEventPayloadType,
            MediaFormat agentInput, MediaFormat agentOutput, boolean localVad) {
        this(remote, new VoiceCodec.G711Voice(codec), payloadType, telephoneEventPayloadType, 8_000, -1,
                agentInput, agentOutput, localVad, false);
    }

    /** Separate formats per direction, without local speech detection. */
    public StreamSettings(InetSocketAddress remote, G711 codec, int payloadType, int telephoneEventPayloadType,
            MediaFormat agentInput, MediaFormat agentOutput) {
        this(remote, codec, payloadType, telephoneEventPayloadType, agentInput, agentOutput, false);
    }

    /**
     * One format both ways ({@code agentInput} and {@code agentOutput} both {@code agentFormat}), without local
     * speech detection: for a provider that listens and speaks alike, such as OpenAI.
     */
    public StreamSettings(InetSocketAddress remote, G711 codec, int payloadType, int telephoneEventPayloadType,
            MediaFormat agentFormat) {
        this(remote, codec, payloadType, telephoneEventPayloadType, agentFormat, agentFormat, false);
    }

    private static void checkOptionalType(String what, int payloadType) {
        if (payloadType < -1 || payloadType > 127) {
            throw new IllegalArgumentException(what + " payload type must be 0-127 or -1 for none, not " + payloadType);
        }
    }
}
