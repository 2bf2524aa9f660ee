package dev.switchboard.agent.local;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * Synthetic 24 kHz PCM16 little-endian test audio. Levels are RMS in dBFS relative to a full-scale square wave, the
 * scale {@link EnergyVad} uses.
 */
final class TestSignals {

    private TestSignals() {
    }

    static byte[] silence(int ms) {
        return new byte[ms * Pcm24k.BYTES_PER_MS];
    }

    /** A sine at {@code hz} whose RMS is {@code dbfs}. */
    static byte[] tone(int ms, double dbfs, double hz) {
        return modulatedTone(ms, dbfs, hz, 0, 0);
    }

    /**
     * A speech-like sine: its amplitude swings by {@code depth} (0..1) around the level at {@code amHz}, like
     * syllables. The RMS without modulation is {@code dbfs}.
     */
    static byte[] modulatedTone(int ms, double dbfs, double hz, double amHz, double depth) {
        double peak = 32768.0 * Math.pow(10, dbfs / 20) * Math.sqrt(2);
        int samples = ms * Pcm24k.SAMPLES_PER_MS;
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double t = (double) i / Pcm24k.SAMPLE_RATE;
            double envelope = 1 - depth * (0.5 + 0.5 * Math.sin(2 * Math.PI * amHz * t));
            putSample(pcm, i, peak * envelope * Math.sin(2 * Math.PI * hz * t));
        }
        return pcm;
    }

    /** Uniform white noise whose RMS is {@code dbfs}; deterministic for a seed. */
    static byte[] noise(int ms, double dbfs, long seed) {
        double halfRange = 32768.0 * Math.pow(10, dbfs / 20) * Math.sqrt(3);
        Random random = new Random(seed);
        int samples = ms * Pcm24k.SAMPLES_PER_MS;
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            putSample(pcm, i, (random.nextDouble() * 2 - 1) * halfRange);
        }
        return pcm;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void putSample(byte[] pcm, int index, double value) {
        int sample = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
        pcm[2 * index] = (byte) sample;
        pcm[2 * index + 1] = (byte) (sample >> 8);
    }
}
