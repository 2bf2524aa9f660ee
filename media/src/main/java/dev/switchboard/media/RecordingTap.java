package dev.switchboard.media;

import dev.switchboard.media.codec.Resampler;
import dev.switchboard.media.recording.CallRecorder;

/**
 * Feeds a call's recording from its media path: the caller's audio as decoded (and concealed), the agent's as
 * actually sent, both placed on one timeline of pacing ticks so the two channels stay aligned however the jitter
 * buffer and the agent's bursts come and go.
 *
 * <p>The recording runs at the rate the call sends at (8 kHz for G.711, 16 kHz for G.722, the encoder's rate for
 * Opus); caller audio decoded at another rate is resampled to it.
 *
 * <p>Threading: confined to the call's event loop; the recorder hands the audio to its writer thread.
 */
final class RecordingTap {

    private final CallRecorder recorder;
    private final int frameSamples;
    private final Resampler callerResampler;
    private short[] resampled = new short[0];
    private long ticks;
    private long callerPosition;

    /**
     * @param callerRate    the rate of the caller's decoded audio
     * @param recordingRate the rate the recording was opened at: the call's sending rate
     */
    RecordingTap(CallRecorder recorder, int callerRate, int recordingRate) {
        this.recorder = recorder;
        this.frameSamples = recordingRate / 50;
        this.callerResampler = callerRate == recordingRate ? null : Resampler.create(callerRate, recordingRate);
    }

    /** A pacing tick passed: caller audio that fell behind real time resumes from here. */
    void tick() {
        ticks++;
        callerPosition = Math.max(callerPosition, tickPosition());
    }

    void caller(short[] pcm, int length) {
        short[] samples = pcm;
        int count = length;
        if (callerResampler != null) {
            if (resampled.length < callerResampler.maxOutputLength(length)) {
                resampled = new short[callerResampler.maxOutputLength(length)];
            }
            count = callerResampler.process(pcm, 0, length, resampled, 0);
            samples = resampled;
        }
        recorder.caller(callerPosition, samples, 0, count);
        callerPosition += count;
    }

    /** The frame sent on this tick. */
    void agent(short[] pcm, int length) {
        recorder.agent(tickPosition(), pcm, 0, length);
    }

    void close() {
        recorder.close();
    }

    private long tickPosition() {
        return ticks * frameSamples;
    }
}
