package dev.switchboard.media.audio;

/**
 * Hears the caller start to speak, from the energy of their PCM (any rate): for providers that do not report it (Gemini
 * Live listens, but does not say when the caller talks over its answer), so the agent's voice can still be cut on
 * a barge-in.
 *
 * <p>The audio is measured in 10 ms frames. A frame is loud when its level is above both an absolute threshold
 * ({@link #ABSOLUTE_THRESHOLD_DBFS}) and the background noise plus {@link #MARGIN_DB}. Speech starts after
 * {@link #ONSET_FRAMES} loud frames in a row (60 ms; a click or a pop is shorter) and ends after
 * {@link #HANGOVER_FRAMES} frames that are not (300 ms; the pauses between words do not split an utterance), so
 * one utterance is one onset. Levels are dBFS relative to a full-scale square wave: a full-scale sine is −3 dBFS.
 *
 * <p>The background is tracked as a noise floor that follows a quieter level quickly and a louder one slowly
 * ({@link #FLOOR_RISE_DB_PER_FRAME}: 5 dB a second), so it settles on the line's noise between words while
 * speech barely lifts it.
 *
 * <p>What this simple detector cannot do, and the listener should know:
 * <ul>
 *   <li>there is no echo cancellation: a phone on speaker that leaks the agent's voice back into its microphone,
 *       loud enough, is heard as the caller. Phones cancel their own acoustic echo, and nothing else puts the
 *       agent's voice into the caller's RTP;</li>
 *   <li>it measures energy, not speech: a cough, a door or music louder than the thresholds for 60 ms counts;
 *       a lasting rise of the background by more than the margin reads as one utterance, which ends once the
 *       floor has climbed to it (2 s per 10 dB beyond the margin);</li>
 *   <li>a caller quieter than {@link #ABSOLUTE_THRESHOLD_DBFS} is not heard at all.</li>
 * </ul>
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class SpeechOnsetDetector {

    /** Samples in a 10 ms frame at this detector's rate. */
    private final int frameSamples;
    /** No quieter frame is speech, however quiet the line: about the level of a soft talker on a phone. */
    static final double ABSOLUTE_THRESHOLD_DBFS = -45;
    /** How far above the noise floor a frame must be to be speech. */
    static final double MARGIN_DB = 10;
    static final int ONSET_FRAMES = 6;
    static final int HANGOVER_FRAMES = 30;
    /** The floor's climb towards a louder level, per frame. */
    static final double FLOOR_RISE_DB_PER_FRAME = 0.05;
    /** The share of the distance to a quieter level the floor falls in one frame. */
    static final double FLOOR_FALL = 0.2;
    /** Where levels bottom out: digital silence would be minus infinity. */
    static final double MIN_LEVEL_DBFS = -96;
    private static final double FULL_SCALE_SQUARED = 32768.0 * 32768.0;

    /** Starts where the margin and the absolute threshold meet, so neither a quiet nor a noisy line is favoured. */
    private double noiseFloorDbfs = ABSOLUTE_THRESHOLD_DBFS - MARGIN_DB;
    private long frameEnergy;
    private int frameFill;
    private int loudRun;
    private int quietRun;
    private boolean speaking;

    /** A detector for 8 kHz audio. */
    public SpeechOnsetDetector() {
        this(8_000);
    }

    /** A detector for audio at {@code sampleRate}, measured in 10 ms frames whatever the rate. */
    public SpeechOnsetDetector(int sampleRate) {
        this.frameSamples = sampleRate / 100;
    }

    /**
     * Measures {@code length} samples from {@code offset}, continuing the frame the previous call left unfinished,
     * and returns whether the caller started speaking in them. Audio shorter than an utterance plus its hangover
     * (360 ms) holds at most one onset.
     */
    public boolean accept(short[] samples, int offset, int length) {
        boolean started = false;
        for (int i = offset; i < offset + length; i++) {
            int sample = samples[i];
            frameEnergy += sample * sample;
            if (++frameFill == frameSamples) {
                started |= endFrame(levelDbfs(frameEnergy));
                frameEnergy = 0;
                frameFill = 0;
            }
        }
        return started;
    }

    /**
     * The caller sent nothing for {@code samples}: the time counts towards the end of an utterance, and the noise
     * floor, which nothing measured, stays where it was.
     */
    public void gap(int samples) {
        frameEnergy = 0;
        frameFill = 0;
        for (int frames = samples / frameSamples; frames > 0; frames--) {
            quietFrame();
        }
    }

    /** Whether the caller is speaking now: from an onset until the hangover after it ran out. */
    boolean isSpeaking() {
        return speaking;
    }

    private boolean endFrame(double level) {
        boolean loud = level > Math.max(ABSOLUTE_THRESHOLD_DBFS, noiseFloorDbfs + MARGIN_DB);
        trackNoiseFloor(level);
        if (!loud) {
            quietFrame();
            return false;
        }
        quietRun = 0;
        if (speaking || ++loudRun < ONSET_FRAMES) {
            return false;
        }
        speaking = true;
        return true;
    }

    private void quietFrame() {
        loudRun = 0;
        if (speaking && ++quietRun >= HANGOVER_FRAMES) {
            speaking = false;
            quietRun = 0;
        }
    }

    private void trackNoiseFloor(double level) {
        if (level < noiseFloorDbfs) {
            noiseFloorDbfs += (level - noiseFloorDbfs) * FLOOR_FALL;
        } else {
            noiseFloorDbfs = Math.min(level, noiseFloorDbfs + FLOOR_RISE_DB_PER_FRAME);
        }
    }

    private double levelDbfs(long energy) {
        double meanSquare = (double) energy / frameSamples;
        return Math.max(MIN_LEVEL_DBFS, 10 * Math.log10(meanSquare / FULL_SCALE_SQUARED));
    }
}
