package dev.switchboard.media.recording;

/** Test signals defined by their timeline position, so a sample's value says where it belongs. */
final class Tones {

    private Tones() {
    }

    /** A sine of {@code hertz} at {@code rate}, sampled at timeline {@code position}; 1 where the sine is 0. */
    static short tone(double hertz, int rate, long position) {
        double value = 8000 * Math.sin(2 * Math.PI * hertz * position / rate);
        short sample = (short) Math.round(value);
        return sample == 0 ? 1 : sample;
    }

    /** {@code length} samples of {@link #tone}, the first at {@code position}. */
    static short[] tone(double hertz, int rate, long position, int length) {
        short[] samples = new short[length];
        for (int i = 0; i < length; i++) {
            samples[i] = tone(hertz, rate, position + i);
        }
        return samples;
    }
}
