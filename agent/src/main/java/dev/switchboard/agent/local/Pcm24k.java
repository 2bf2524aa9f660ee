package dev.switchboard.agent.local;

/**
 * Arithmetic of the one audio format the local engine speaks for now: OpenAI's {@code audio/pcm}, i.e. 16-bit
 * little-endian mono at 24 kHz (reference §2.3), so 1 ms = 24 samples = 48 bytes.
 */
final class Pcm24k {

    static final int SAMPLE_RATE = 24_000;
    static final int BYTES_PER_SAMPLE = 2;
    static final int SAMPLES_PER_MS = SAMPLE_RATE / 1000;
    static final int BYTES_PER_MS = SAMPLES_PER_MS * BYTES_PER_SAMPLE;

    private Pcm24k() {
    }

    static long samplesToMs(long samples) {
        return samples / SAMPLES_PER_MS;
    }

    static long msToSamples(long ms) {
        return ms * SAMPLES_PER_MS;
    }

    /** Duration of {@code bytes} of audio, rounded up so a client that played every byte never overshoots it. */
    static long bytesToMsCeil(long bytes) {
        return (bytes + BYTES_PER_MS - 1) / BYTES_PER_MS;
    }
}
