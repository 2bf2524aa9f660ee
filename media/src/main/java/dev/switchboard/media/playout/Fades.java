package dev.switchboard.media.playout;

/**
 * Short linear gain ramps at the edges of the agent's talkspurts. Audio that starts or stops mid-waveform (a
 * provider stalling, a barge-in cutting the agent off) otherwise steps from full amplitude to nothing between two
 * samples, which the caller hears as a click; 5 ms of ramp is too short to hear as a fade and long enough that no
 * step remains.
 */
final class Fades {

    /** The ramp: 5 ms, at any rate. */
    static final int RAMP_MILLIS = 5;
    /** Samples near zero need no ramp; below this their step is under the noise of 8-bit G.711. */
    private static final int QUIET = 64;

    private Fades() {}

    static int rampSamples(int sampleRate) {
        return sampleRate / 1000 * RAMP_MILLIS;
    }

    /** Whether the edge sample is loud enough for a step there to click. */
    static boolean loud(short sample) {
        return Math.abs(sample) > QUIET;
    }

    /** Ramps the first {@code ramp} samples from {@code from} up from silence. */
    static void in(short[] pcm, int from, int ramp) {
        for (int i = 0; i < ramp; i++) {
            pcm[from + i] = (short) (pcm[from + i] * (i + 1) / (ramp + 1));
        }
    }

    /** Ramps the {@code ramp} samples ending just before {@code end} down to silence. */
    static void out(short[] pcm, int end, int ramp) {
        int from = Math.max(0, end - ramp);
        int length = end - from;
        for (int i = 0; i < length; i++) {
            pcm[from + i] = (short) (pcm[from + i] * (length - i) / (length + 1));
        }
    }
}
