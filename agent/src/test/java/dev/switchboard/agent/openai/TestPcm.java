package dev.switchboard.agent.openai;

import java.io.ByteArrayOutputStream;

/** Synthetic 24 kHz PCM16 little-endian mono, the only PCM rate of OpenAI's audio/pcm (§2.3). */
final class TestPcm {

    static final int SAMPLES_PER_MS = 24;
    static final int BYTES_PER_MS = 2 * SAMPLES_PER_MS;
    /** 20 ms, the packet time of a call's media. */
    static final int CHUNK_BYTES = 20 * BYTES_PER_MS;

    private TestPcm() {}

    static byte[] silence(int ms) {
        return new byte[ms * BYTES_PER_MS];
    }

    /** A sine at {@code hz} with RMS {@code dbfs} whose amplitude swings by {@code depth} at {@code amHz}. */
    static byte[] modulatedTone(int ms, double dbfs, double hz, double amHz, double depth) {
        double peak = 32768.0 * Math.pow(10, dbfs / 20) * Math.sqrt(2);
        int samples = ms * SAMPLES_PER_MS;
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double t = i / 24_000.0;
            double envelope = 1 - depth * (0.5 + 0.5 * Math.sin(2 * Math.PI * amHz * t));
            int sample = (int) Math.round(peak * envelope * Math.sin(2 * Math.PI * hz * t));
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return pcm;
    }

    /** Speech-like audio: a 440 Hz tone at -20 dBFS whose level swings by half at 4 Hz, like syllables. */
    static byte[] speech(int ms) {
        return modulatedTone(ms, -20, 440, 4, 0.5);
    }

    /** One caller turn: silence, {@link #speech}, silence. */
    static byte[] turn(int silenceBeforeMs, int speechMs, int silenceAfterMs) {
        return concat(silence(silenceBeforeMs), speech(speechMs), silence(silenceAfterMs));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static int sample(byte[] pcm, int index) {
        return (short) ((pcm[2 * index] & 0xff) | (pcm[2 * index + 1] << 8));
    }

    /**
     * The highest normalised cross-correlation of {@code reference} against {@code signal}, with the reference
     * placed within {@code slack} samples of {@code expectedAt}.
     */
    static double bestCorrelation(byte[] signal, byte[] reference, int expectedAt, int slack) {
        int referenceSamples = reference.length / 2;
        int signalSamples = signal.length / 2;
        double best = -1;
        for (int at = Math.max(0, expectedAt - slack); at <= expectedAt + slack; at++) {
            if (at + referenceSamples > signalSamples) {
                break;
            }
            double dot = 0;
            double signalEnergy = 0;
            double referenceEnergy = 0;
            for (int i = 0; i < referenceSamples; i++) {
                double s = sample(signal, at + i);
                double r = sample(reference, i);
                dot += s * r;
                signalEnergy += s * s;
                referenceEnergy += r * r;
            }
            if (signalEnergy > 0) {
                best = Math.max(best, dot / Math.sqrt(signalEnergy * referenceEnergy));
            }
        }
        return best;
    }
}
