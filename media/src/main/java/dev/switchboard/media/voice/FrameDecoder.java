package dev.switchboard.media.voice;

/**
 * Decodes the caller's RTP payloads to PCM at the codec's {@link VoiceCodec#decodedRate()}, and fills in for the
 * packets that never came. One per call; it may hold native state, so it is closed with the call.
 */
public interface FrameDecoder extends AutoCloseable {

    /**
     * Decodes one payload.
     *
     * @return samples written to {@code out} from {@code outOffset}
     * @throws MalformedPayloadException when the payload cannot be decoded; conceal its duration instead
     */
    int decode(byte[] payload, int offset, int length, short[] out, int outOffset) throws MalformedPayloadException;

    /**
     * Makes up {@code samples} of audio for packets lost or too late, continuing what was decoded last. Where the
     * codec carries redundancy (Opus in-band FEC) and the packet after the gap is known, it is recovered from
     * that packet instead; {@code next} is then that payload, else {@code null}.
     *
     * @return samples written, always {@code samples}
     */
    int conceal(int samples, byte[] next, int nextOffset, int nextLength, short[] out, int outOffset);

    /** The most samples one payload of up to {@code payloadBytes} can decode to. */
    int maxSamples(int payloadBytes);

    @Override
    default void close() {
    }
}
