package dev.switchboard.agent.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Energy-based voice activity detector for 24 kHz PCM16 mono, the local stand-in for OpenAI's {@code server_vad}.
 *
 * <p>The audio is cut into 10 ms analysis frames (240 samples) and each frame's mean power is compared with two
 * levels, expressed in dBFS relative to the RMS of a full-scale square wave (so a full-scale sine is -3 dBFS):
 * <ul>
 *   <li>onset level: {@code -60 + 40 * threshold} dBFS, i.e. -40 dBFS for OpenAI's default threshold 0.5, -60 dBFS
 *       for 0 and -20 dBFS for 1. Ordinary telephone speech (-30..-15 dBFS) clears it; line noise (-60 dBFS) does
 *       not. Speech starts after {@value #ONSET_FRAMES} consecutive frames above it, so the start is known 30-40 ms
 *       after it happened;</li>
 *   <li>release level: {@value #HYSTERESIS_DB} dB below the onset level (hysteresis). During speech a frame above it
 *       counts as voiced; speech stops once {@code silence_duration_ms} of consecutive frames fall below it, so short
 *       dips between syllables do not end a turn.</li>
 * </ul>
 *
 * <p>Positions are absolute sample indices of the audio fed to this detector (audio time, never wall time), which
 * makes the detector deterministic. A start is the first sample of the first onset frame; a stop is the sample at
 * which the silence period completed, which — as in OpenAI's {@code audio_end_ms} — includes the silence duration.
 * Pure and single-threaded.
 */
final class EnergyVad {

    static final int FRAME_SAMPLES = 240;
    static final int FRAME_MS = 10;
    static final int ONSET_FRAMES = 3;
    static final double HYSTERESIS_DB = 6.0;

    /** What the detector saw. */
    sealed interface Event permits SpeechStarted, SpeechStopped {
    }

    /** Speech began at {@code startSample}, the first sample of the first loud frame. */
    record SpeechStarted(long startSample) implements Event {
    }

    /** Speech ended; {@code endSample} is where the trailing silence period completed. */
    record SpeechStopped(long endSample) implements Event {
    }

    private final double onsetPower;
    private final double releasePower;
    private final int silenceFrames;

    private long position;
    private int frameFill;
    private long frameSumOfSquares;
    private int carryByte = -1;
    private boolean speaking;
    private int loudRun;
    private int quietRun;

    /**
     * @param threshold         OpenAI's {@code turn_detection.threshold}, 0..1
     * @param silenceDurationMs OpenAI's {@code silence_duration_ms}; rounded up to whole 10 ms frames
     * @param startSample       absolute position of the first sample that will be fed
     */
    EnergyVad(double threshold, int silenceDurationMs, long startSample) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be within 0..1, got " + threshold);
        }
        double onsetDbfs = onsetDbfs(threshold);
        this.onsetPower = powerOf(onsetDbfs);
        this.releasePower = powerOf(onsetDbfs - HYSTERESIS_DB);
        this.silenceFrames = Math.max(1, (silenceDurationMs + FRAME_MS - 1) / FRAME_MS);
        this.position = startSample;
    }

    /** The onset level in dBFS that a session {@code threshold} maps to. */
    static double onsetDbfs(double threshold) {
        return -60.0 + 40.0 * threshold;
    }

    /**
     * Feeds little-endian PCM16 bytes. An odd trailing byte is kept and joined with the next call's first byte.
     *
     * @return the speech starts and stops that completed within this audio, in order; usually empty
     */
    List<Event> accept(byte[] pcm) {
        List<Event> events = new ArrayList<>(0);
        int i = 0;
        if (carryByte >= 0 && pcm.length > 0) {
            addSample((short) ((pcm[0] << 8) | carryByte), events);
            carryByte = -1;
            i = 1;
        }
        for (; i + 1 < pcm.length; i += 2) {
            addSample((short) ((pcm[i + 1] << 8) | (pcm[i] & 0xFF)), events);
        }
        if (i < pcm.length) {
            carryByte = pcm[i] & 0xFF;
        }
        return events;
    }

    boolean speaking() {
        return speaking;
    }

    /** Absolute position just after the last whole sample fed. */
    long position() {
        return position;
    }

    /**
     * Ends speech in progress at the current position, e.g. because the buffered utterance reached its size limit.
     *
     * @return the stop, or null when there was no speech
     */
    SpeechStopped forceStop() {
        if (!speaking) {
            return null;
        }
        speaking = false;
        quietRun = 0;
        return new SpeechStopped(position);
    }

    private void addSample(short sample, List<Event> events) {
        frameSumOfSquares += (long) sample * sample;
        position++;
        if (++frameFill == FRAME_SAMPLES) {
            onFrame((double) frameSumOfSquares / FRAME_SAMPLES, events);
            frameFill = 0;
            frameSumOfSquares = 0;
        }
    }

    private void onFrame(double power, List<Event> events) {
        if (!speaking) {
            loudRun = power >= onsetPower ? loudRun + 1 : 0;
            if (loudRun == ONSET_FRAMES) {
                speaking = true;
                loudRun = 0;
                quietRun = 0;
                events.add(new SpeechStarted(position - (long) ONSET_FRAMES * FRAME_SAMPLES));
            }
        } else if (power >= releasePower) {
            quietRun = 0;
        } else if (++quietRun >= silenceFrames) {
            speaking = false;
            quietRun = 0;
            events.add(new SpeechStopped(position));
        }
    }

    private static double powerOf(double dbfs) {
        double rms = 32768.0 * Math.pow(10.0, dbfs / 20.0);
        return rms * rms;
    }
}
