package dev.switchboard.media;

import dev.switchboard.media.codec.G711;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What offer/answer settled for one call's audio stream, and the formats the agent's provider listens and speaks
 * in. Providers differ per direction: Gemini Live listens to 16 kHz PCM and speaks 24 kHz PCM; OpenAI takes
 * 24 kHz PCM or G.711, the same both ways.
 *
 * @param remote                    where the caller's SDP said to send RTP; replaced by the address packets
 *                                  actually come from once the first one arrives (symmetric RTP, RFC 4961)
 * @param codec                     the negotiated G.711 law
 * @param payloadType               its RTP payload type, 0–127
 * @param telephoneEventPayloadType RFC 4733 events' payload type, 0–127, or -1 when not negotiated
 * @param agentInput                what caller audio is converted to before it reaches the agent; the call's own
 *                                  G.711 law passes the RTP payload through untouched
 * @param agentOutput               what the agent's audio arrives in; the call's own G.711 law goes on the wire
 *                                  untouched, byte for byte
 * @param localVad                  whether the session detects, from the caller's audio, when the caller starts
 *                                  speaking ({@link MediaSessionListener#onCallerSpeechStarted()}): for providers
 *                                  that do not report it themselves
 */
public record StreamSettings(
        InetSocketAddress remote, G711 codec, int payloadType, int telephoneEventPayloadType,
        MediaFormat agentInput, MediaFormat agentOutput, boolean localVad) {

    public StreamSettings {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(agentInput, "agentInput");
        Objects.requireNonNull(agentOutput, "agentOutput");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type must be 0-127, not " + payloadType);
        }
        if (telephoneEventPayloadType < -1 || telephoneEventPayloadType > 127) {
            throw new IllegalArgumentException("telephone-event payload type must be 0-127 or -1 for none, not "
                    + telephoneEventPayloadType);
        }
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
}
