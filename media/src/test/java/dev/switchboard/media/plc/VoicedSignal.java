package dev.switchboard.media.plc;

/**
 * A voiced-speech-like test signal: twelve harmonics of a fundamental that glides between 115 and 145 Hz (so that
 * 20 ms is never a whole number of periods), falling 6 dB per octave, under a slow swell of the amplitude.
 */
final class VoicedSignal {

    private VoicedSignal() {
    }

    static short[] generate(int sampleRate, double seconds, double peak) {
        int length = (int) Math.round(seconds * sampleRate);
        short[] samples = new short[length];
        double phase = 0;
        double norm = 0;
        for (int k = 1; k <= 12; k++) {
            norm += 1.0 / k;
        }
        for (int n = 0; n < length; n++) {
            double t = (double) n / sampleRate;
            double fundamental = 130 + 15 * Math.sin(2 * Math.PI * 0.3 * t);
            phase += 2 * Math.PI * fundamental / sampleRate;
            double sum = 0;
            for (int k = 1; k <= 12; k++) {
                sum += Math.sin(k * phase) / k;
            }
            double envelope = 0.7 + 0.3 * Math.sin(2 * Math.PI * 1.1 * t);
            samples[n] = (short) Math.round(peak * envelope * sum / norm);
        }
        return samples;
    }

    /** The largest step between neighbouring samples. */
    static int maxStep(short[] samples) {
        int max = 0;
        for (int n = 1; n < samples.length; n++) {
            max = Math.max(max, Math.abs(samples[n] - samples[n - 1]));
        }
        return max;
    }
}
