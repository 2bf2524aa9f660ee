package dev.switchboard.media.recording;

import java.nio.file.Path;

/**
 * How a call's recording ended.
 *
 * @param path          the file written, or the one that could not be; null when recording never started
 *                      (the recorder was shut down)
 * @param frames        stereo frames in the file
 * @param sampleRate    frames per second
 * @param droppedChunks chunks the call's loop dropped because the writer had fallen behind; silence in the file
 * @param lateSamples   samples that arrived after their place in the file had been written; dropped
 * @param failure       why the recording stopped early or never started, with the file system's reason; null
 *                      when it ran to the end of the call
 */
public record RecordingResult(Path path, long frames, int sampleRate, long droppedChunks, long lateSamples,
        String failure) {

    public boolean succeeded() {
        return failure == null;
    }

    /** Seconds of audio in the file. */
    public double seconds() {
        return (double) frames / sampleRate;
    }
}
