package dev.switchboard.agent.local;

import java.util.ArrayList;
import java.util.List;

/**
 * The caller audio of one session that is not yet committed, plus the server VAD watching it (reference §2.4).
 * Positions are absolute samples since the session's first appended audio — audio time, so turn-taking does not
 * depend on how fast or bursty the client sends.
 *
 * <p>With server VAD, audio before a turn is kept only as far back as the prefix padding needs, and a turn is cut
 * off as if silence followed once it reaches the buffer limit. Without VAD (manual turns) the client commits or
 * clears; an append that would overflow the limit is refused with an error so nothing is dropped silently.
 */
final class AudioInput {

    /** Longest audio held uncommitted: 2 minutes (5.76 MB), bounding the memory of a session. */
    static final int DEFAULT_MAX_BUFFERED_MS = 120_000;

    /** What turn detection made of an append. */
    sealed interface Turn permits SpeechStarted, SpeechStopped {
    }

    /** A turn began; {@code startSample} already includes the prefix padding. */
    record SpeechStarted(long startSample) implements Turn {
    }

    /** A turn ended at {@code endSample}; {@code utterance} is its audio from the padded start. */
    record SpeechStopped(long endSample, byte[] utterance) implements Turn {
    }

    private final PcmBuffer buffer = new PcmBuffer();
    private final long maxBufferedBytes;
    private TurnDetection turnDetection;
    private EnergyVad vad;
    private long turnStartSample = -1;

    AudioInput(TurnDetection turnDetection, int maxBufferedMs) {
        this.maxBufferedBytes = (long) maxBufferedMs * Pcm24k.BYTES_PER_MS;
        reconfigure(turnDetection);
    }

    /**
     * Applies new turn detection settings (null = manual turns). A change of threshold or silence duration, or of
     * mode, restarts the detector and abandons a turn in progress; other changes take effect on the next turn.
     */
    void reconfigure(TurnDetection settings) {
        boolean detectorChanged = settings == null || turnDetection == null
                || settings.threshold() != turnDetection.threshold()
                || settings.silenceDurationMs() != turnDetection.silenceDurationMs();
        this.turnDetection = settings;
        if (detectorChanged) {
            restartDetector();
        }
    }

    /** Whether a VAD turn is in progress. */
    boolean inTurn() {
        return turnStartSample >= 0;
    }

    /**
     * Adds caller audio and runs turn detection over it.
     *
     * @throws RequestException in manual mode, when the audio would exceed the buffer limit
     */
    List<Turn> append(byte[] pcm) {
        if (vad == null) {
            if (buffer.length() + (long) pcm.length > maxBufferedBytes) {
                throw new RequestException("input_audio_buffer_full", "The input audio buffer already holds "
                        + Pcm24k.bytesToMsCeil(buffer.length()) + " ms; it cannot exceed "
                        + maxBufferedBytes / Pcm24k.BYTES_PER_MS + " ms. Commit or clear it first.", "audio");
            }
            buffer.append(pcm);
            return List.of();
        }
        buffer.append(pcm);
        List<Turn> turns = new ArrayList<>(0);
        for (EnergyVad.Event event : vad.accept(pcm)) {
            turns.add(switch (event) {
                case EnergyVad.SpeechStarted started -> startTurn(started.startSample());
                case EnergyVad.SpeechStopped stopped -> endTurn(stopped.endSample());
            });
        }
        if (vad.speaking() && buffer.end() - turnStartSample * Pcm24k.BYTES_PER_SAMPLE >= maxBufferedBytes) {
            turns.add(endTurn(vad.forceStop().endSample()));
        }
        if (!vad.speaking()) {
            dropAudioNoTurnCanReach();
        }
        return turns;
    }

    long bufferedBytes() {
        return buffer.length();
    }

    /** Takes everything buffered, as for a manual commit, and abandons any turn in progress. */
    byte[] takeAll() {
        byte[] all = buffer.copy(buffer.start(), buffer.end());
        clear();
        return all;
    }

    /** Forgets the buffered audio and any turn in progress. */
    void clear() {
        buffer.discardBefore(buffer.end());
        restartDetector();
    }

    private void restartDetector() {
        long position = buffer.end() / Pcm24k.BYTES_PER_SAMPLE;
        vad = turnDetection == null ? null
                : new EnergyVad(turnDetection.threshold(), turnDetection.silenceDurationMs(), position);
        turnStartSample = -1;
    }

    private SpeechStarted startTurn(long rawStartSample) {
        long padded = rawStartSample - Pcm24k.msToSamples(turnDetection.prefixPaddingMs());
        long oldestHeld = (buffer.start() + 1) / Pcm24k.BYTES_PER_SAMPLE;
        turnStartSample = Math.max(padded, oldestHeld);
        return new SpeechStarted(turnStartSample);
    }

    private SpeechStopped endTurn(long endSample) {
        long endByte = endSample * Pcm24k.BYTES_PER_SAMPLE;
        byte[] utterance = buffer.copy(turnStartSample * Pcm24k.BYTES_PER_SAMPLE, endByte);
        buffer.discardBefore(endByte);
        turnStartSample = -1;
        return new SpeechStopped(endSample, utterance);
    }

    /** Keeps the prefix padding plus the frames an onset may still reach back to; the rest can never be used. */
    private void dropAudioNoTurnCanReach() {
        long reachSamples = Pcm24k.msToSamples(turnDetection.prefixPaddingMs())
                + (EnergyVad.ONSET_FRAMES + 1L) * EnergyVad.FRAME_SAMPLES;
        long keepFromSample = vad.position() - reachSamples;
        buffer.discardBefore(keepFromSample * Pcm24k.BYTES_PER_SAMPLE);
    }
}
