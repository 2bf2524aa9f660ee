package dev.switchboard.media;

import dev.switchboard.media.audio.CallerAudioPath;
import dev.switchboard.media.audio.SpeechOnsetDetector;

/**
 * Keeps the agent's clock in step with real time when the caller sends nothing: phones that suppress silence
 * without CN, DTMF bursts and a caller who simply stops sending all leave gaps, and a speech model's VAD runs on
 * the audio it is given, so without this fill it would never hear the caller stop talking.
 *
 * <p>Once {@link #AFTER_TICKS} ticks have brought no caller audio, the agent gets the silence it missed, then one
 * frame of silence per tick until audio returns. Once the caller's stream plays, the jitter buffer covers every
 * tick (concealing what is missing), so this fills the time before the first packet plays and a stream of nothing
 * but key presses. A packet longer than a tick plays whole on one tick and nothing on the next ones it covers;
 * those ticks are not a gap.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class CallerGapFill {

    static final int AFTER_TICKS = 5;

    private final MediaSessionListener listener;
    private final CallerAudioPath path;
    private final SpeechOnsetDetector speech;
    private final int frameSamples;
    private int ticksWithoutAudio;
    /** Caller audio the agent was given beyond the ticks so far, in decoded samples: a long packet's later ticks. */
    private long audioAhead;
    private long framesFilled;

    /** @param speech the call's speech detector, which hears the gap as time without speech; {@code null} if none */
    CallerGapFill(MediaSessionListener listener, CallerAudioPath path, SpeechOnsetDetector speech, int decodedRate) {
        this.listener = listener;
        this.path = path;
        this.speech = speech;
        this.frameSamples = decodedRate / 50;
    }

    /** A tick passed in which the caller's stream handed the agent {@code samples} of audio. */
    void tick(int samples) {
        audioAhead += samples;
        boolean heard = audioAhead > 0;
        audioAhead = Math.max(0, audioAhead - frameSamples);
        ticksWithoutAudio = heard ? 0 : ticksWithoutAudio + 1;
        if (ticksWithoutAudio < AFTER_TICKS) {
            return;
        }
        int frames = ticksWithoutAudio == AFTER_TICKS ? AFTER_TICKS : 1;
        for (int i = 0; i < frames; i++) {
            listener.onCallerAudio(path.silence(frameSamples));
            framesFilled++;
            if (speech != null) {
                speech.gap(frameSamples);
            }
        }
    }

    /** 20 ms frames of silence given to the agent so far. */
    long framesFilled() {
        return framesFilled;
    }
}
