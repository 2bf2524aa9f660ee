package dev.switchboard.media.voice;

import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.G722;
import dev.switchboard.media.codec.G722Decoder;
import dev.switchboard.media.codec.opus.OpusAnswer;
import dev.switchboard.media.codec.opus.OpusRtp;
import dev.switchboard.media.jitter.PacketDuration;

/**
 * A call's voice codec as offer/answer settled it: its RTP clock, the PCM rates its coders work at, and the coders
 * themselves, made new for each call because they keep state between frames.
 */
public sealed interface VoiceCodec permits VoiceCodec.G711Voice, VoiceCodec.G722Voice, VoiceCodec.OpusVoice {

    /** The encoding as in {@code a=rtpmap} and in logs, e.g. {@code PCMU/8000}. */
    String rtpMap();

    /** The RTP timestamp clock (RFC 3551 §4.5): 8000 for G.711 and for G.722 too (§4.5.2), 48000 for Opus. */
    int rtpClockRate();

    /** The rate of the PCM the decoder gives: the caller's audio before it is resampled for the agent. */
    int decodedRate();

    /** The law of a G.711 call, whose payloads may pass through to an agent untouched; {@code null} otherwise. */
    default G711 law() {
        return null;
    }

    /**
     * The rate of the PCM the encoder takes: the agent's audio after it is resampled for the call. For G.711 that
     * is 8 kHz, and the playout buffer holds the codes themselves.
     */
    int encodedRate();

    /** RTP timestamp units in one 20 ms frame. */
    default int timestampsPerFrame() {
        return rtpClockRate() / 50;
    }

    FrameDecoder newDecoder();

    FrameEncoder newEncoder();

    /** How long a payload plays, in RTP clock ticks, for the jitter buffer. */
    default PacketDuration packetDuration() {
        return PacketDuration.ONE_TICK_PER_BYTE;
    }

    /** G.711 μ-law or A-law (RFC 3551 §4.5.14): 8 kHz, one byte per sample. */
    record G711Voice(G711 law) implements VoiceCodec {
        @Override
        public String rtpMap() {
            return law.sdpName() + "/8000";
        }

        @Override
        public int rtpClockRate() {
            return 8_000;
        }

        @Override
        public int decodedRate() {
            return 8_000;
        }

        @Override
        public int encodedRate() {
            return 8_000;
        }

        @Override
        public FrameDecoder newDecoder() {
            return new PitchConcealedDecoder(8_000, 1, (payload, offset, length, out, outOffset) -> {
                law.decode(payload, offset, length, out, outOffset);
                return length;
            });
        }

        @Override
        public FrameEncoder newEncoder() {
            return new G711FrameEncoder(law);
        }
    }

    /** G.722 at 64 kbit/s: 16 kHz audio on an 8 kHz RTP clock, two samples per byte. */
    record G722Voice() implements VoiceCodec {
        @Override
        public String rtpMap() {
            return G722.SDP_NAME + "/8000";
        }

        @Override
        public int rtpClockRate() {
            return G722.RTP_CLOCK_RATE;
        }

        @Override
        public int decodedRate() {
            return G722.SAMPLE_RATE;
        }

        @Override
        public int encodedRate() {
            return G722.SAMPLE_RATE;
        }

        @Override
        public FrameDecoder newDecoder() {
            return new PitchConcealedDecoder(G722.SAMPLE_RATE, G722.SAMPLES_PER_BYTE, new G722Decoder()::decode);
        }

        @Override
        public FrameEncoder newEncoder() {
            return new G722FrameEncoder();
        }
    }

    /**
     * Opus (RFC 7587) as our answer settled it: the decoder plays at the rate the agent listens at and the encoder
     * takes the rate the agent speaks at, so neither direction needs a resampler.
     */
    record OpusVoice(OpusAnswer answer) implements VoiceCodec {
        @Override
        public String rtpMap() {
            return OpusRtp.RTPMAP;
        }

        @Override
        public int rtpClockRate() {
            return OpusRtp.CLOCK_RATE;
        }

        @Override
        public int decodedRate() {
            return answer.decoderSampleRate();
        }

        @Override
        public int encodedRate() {
            return answer.encoder().sampleRate();
        }

        @Override
        public FrameDecoder newDecoder() {
            return new OpusFrameDecoder(answer.decoderSampleRate());
        }

        @Override
        public FrameEncoder newEncoder() {
            return new OpusFrameEncoder(answer.encoder());
        }

        @Override
        public PacketDuration packetDuration() {
            return OpusRtp::durationTicks;
        }
    }
}
