package dev.switchboard.media.plc;

import java.util.Objects;

/**
 * Packet loss concealment for PCM that carries no concealment of its own (G.711, and G.722 decoded to 16 kHz), in
 * the manner of ITU-T G.711 Appendix I: a lost stretch is filled by repeating the last pitch period of the speech
 * before it, faded out, and the first good audio after it is blended with the synthetic signal.
 *
 * <ul>
 *   <li>History: the last 48.75 ms of output (3¼ of the longest pitch period), good and concealed alike.</li>
 *   <li>Pitch: normalised cross-correlation of the last 20 ms with the history, for periods of 5 to 15 ms
 *       (200 to 67 Hz), coarse then fine ({@link PitchEstimator}).</li>
 *   <li>Synthesis: the last period repeats; after 10 ms the last two, after 20 ms the last three, so that a long
 *       loss does not buzz on one period. The repeated stretch is made to loop smoothly by blending its last
 *       quarter period into the quarter period that preceded it; where the number of periods grows, the old and
 *       new loops cross-fade over a quarter period.</li>
 *   <li>Fade: full level for 10 ms, then 20% less per 10 ms, so the sound is gone 60 ms into the loss, and the
 *       output is silence from there on.</li>
 *   <li>Recovery: the first good frame after a loss starts with a cross-fade from the synthetic signal,
 *       continued, over a quarter period plus 4 ms per 10 ms the loss lasted beyond the first 10 (at most
 *       10 ms).</li>
 * </ul>
 *
 * <p>One difference from Appendix I: it delays its output by a quarter period so that it can also blend the last
 * good samples before a loss into the synthetic signal. This class adds no delay; the synthetic signal starts one
 * period back, in phase with the speech it continues, which is as smooth as the speech is periodic.
 *
 * <p>Windows scale with the sample rate (8 kHz: periods of 40 to 120 samples). Allocates only when built.
 * Threading: confined to one call's event loop.
 */
public final class PitchConcealer {

    private static final int MIN_PITCH_MICROS = 5_000;
    private static final int MAX_PITCH_MICROS = 15_000;
    private static final int CORRELATION_MICROS = 20_000;
    /** A step of the loss: 10 ms at full level, then a period more and 20% less level per step. */
    private static final int STEP_MICROS = 10_000;
    private static final int MAX_PERIODS = 3;
    private static final int SILENT_AFTER_STEPS = 6;
    private static final int RECOVERY_GROWTH_MICROS = 4_000;

    private final int minPitch;
    private final int maxPitch;
    private final int correlationLength;
    private final int step;
    private final float[] history;
    private final float[] source;
    private final float[] loop;
    private final float[] handover;
    private int pitch;
    private int quarter;
    private int periods;
    private int loopLength;
    private int phase;
    private int handoverLeft;
    /** Samples concealed in the current loss; 0 while audio is good. */
    private long erased;

    /** @param sampleRate of the PCM, e.g. 8000 for G.711 and 16000 for G.722 */
    public PitchConcealer(int sampleRate) {
        if (sampleRate < 4000 || sampleRate > 48_000 || sampleRate % 1000 != 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is not a multiple of 1000 in "
                    + "4000..48000");
        }
        minPitch = samples(sampleRate, MIN_PITCH_MICROS);
        maxPitch = samples(sampleRate, MAX_PITCH_MICROS);
        correlationLength = samples(sampleRate, CORRELATION_MICROS);
        step = samples(sampleRate, STEP_MICROS);
        history = new float[MAX_PERIODS * maxPitch + maxPitch / 4];
        source = new float[history.length];
        loop = new float[MAX_PERIODS * maxPitch];
        handover = new float[Math.max(1, maxPitch / 4)];
    }

    /**
     * Takes {@code length} samples of good audio at {@code offset}. Right after a loss, blends their start with
     * the synthetic signal in place, so the caller must use the array's contents afterwards.
     */
    public void goodFrame(short[] pcm, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        if (erased > 0) {
            recover(pcm, offset, length);
            erased = 0;
        }
        remember(pcm, offset, length);
    }

    /** Writes {@code length} samples of concealment at {@code offset}: the loss continues where it left off. */
    public void conceal(short[] out, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, out.length);
        if (erased == 0) {
            startLoss();
        }
        for (int i = offset; i < offset + length; i++) {
            if (erased < (long) MAX_PERIODS * step && erased == (long) periods * step) {
                addPeriod();
            }
            out[i] = toSample(nextSynthetic() * gain(erased));
            erased++;
        }
        remember(out, offset, length);
    }

    private void startLoss() {
        pitch = PitchEstimator.estimate(history, history.length, correlationLength, minPitch, maxPitch);
        quarter = Math.max(1, pitch / 4);
        System.arraycopy(history, 0, source, 0, history.length);
        periods = 1;
        phase = 0;
        handoverLeft = 0;
        buildLoop();
    }

    /**
     * The last {@code periods} pitch periods, with their last quarter period blended into the quarter period
     * before them: the loop's end then runs into its start as the speech ran into it.
     */
    private void buildLoop() {
        int end = source.length;
        loopLength = periods * pitch;
        System.arraycopy(source, end - loopLength, loop, 0, loopLength);
        for (int j = 0; j < quarter; j++) {
            float weight = (j + 1f) / (quarter + 1f);
            int at = loopLength - quarter + j;
            loop[at] = (1 - weight) * source[end - quarter + j] + weight * source[end - loopLength - quarter + j];
        }
    }

    /** One period more, one period further back in the speech, in phase; the old loop fades into the new one. */
    private void addPeriod() {
        for (int j = 0; j < quarter; j++) {
            handover[j] = loop[(phase + j) % loopLength];
        }
        handoverLeft = quarter;
        periods++;
        buildLoop();
    }

    private float nextSynthetic() {
        float sample = loop[phase];
        phase = (phase + 1) % loopLength;
        if (handoverLeft > 0) {
            float weight = (quarter - handoverLeft + 1f) / (quarter + 1f);
            sample = weight * sample + (1 - weight) * handover[quarter - handoverLeft];
            handoverLeft--;
        }
        return sample;
    }

    /** Full level for the first step, then 20% less per step: nothing from the sixth step on. */
    private float gain(long position) {
        if (position < step) {
            return 1;
        }
        return Math.max(0, 1 - (position - step) / (float) ((SILENT_AFTER_STEPS - 1) * step));
    }

    /** Cross-fades from the synthetic signal, continued as if the loss went on, into the good audio. */
    private void recover(short[] pcm, int offset, int length) {
        long extraSteps = Math.max(0, (erased - step) / step);
        int growth = (int) Math.min(extraSteps * samplesPerGrowth(), step);
        int fade = Math.min(length, Math.min(quarter + growth, step));
        for (int j = 0; j < fade; j++) {
            float weight = (j + 1f) / (fade + 1f);
            float synthetic = nextSynthetic() * gain(erased + j);
            pcm[offset + j] = toSample(weight * pcm[offset + j] + (1 - weight) * synthetic);
        }
    }

    private int samplesPerGrowth() {
        return (int) ((long) step * RECOVERY_GROWTH_MICROS / STEP_MICROS);
    }

    private void remember(short[] pcm, int offset, int length) {
        int keep = Math.max(0, history.length - length);
        System.arraycopy(history, history.length - keep, history, 0, keep);
        int from = offset + Math.max(0, length - history.length);
        for (int i = keep; i < history.length; i++) {
            history[i] = pcm[from++];
        }
    }

    private static short toSample(float value) {
        return (short) Math.clamp(Math.round(value), Short.MIN_VALUE, Short.MAX_VALUE);
    }

    private static int samples(int sampleRate, int micros) {
        return (int) ((long) sampleRate * micros / 1_000_000);
    }
}
