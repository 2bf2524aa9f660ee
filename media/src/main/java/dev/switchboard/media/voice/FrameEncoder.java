package dev.switchboard.media.voice;

/**
 * Encodes the agent's voice for the wire, one 20 ms frame per pacing tick. One per call; it may hold native
 * state, so it is closed with the call.
 */
public interface FrameEncoder extends AutoCloseable {

    /**
     * Encodes one 20 ms frame of PCM at the codec's {@link VoiceCodec#encodedRate()}.
     *
     * @return payload bytes written to {@code out} from {@code outOffset}; 0 when nothing needs sending (Opus DTX)
     */
    int encode(short[] pcm, int offset, byte[] out, int outOffset);

    /** The largest payload one frame can take. */
    int maxPayloadBytes();

    @Override
    default void close() {
    }
}
