package dev.switchboard.media.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's side of one call's recording: moves the chunks the call's loop handed over through the aligner
 * into the file, finishes the file when the call closes the recorder, and gives up, logging once, when the file
 * system fails.
 *
 * <p>Threading: confined to the recording writer.
 */
final class ActiveRecording {

    private static final Logger log = LoggerFactory.getLogger(ActiveRecording.class);

    private final CallRecorder recorder;
    private final Path path;
    private RecordingFile file;
    private StereoAligner aligner;

    private ActiveRecording(CallRecorder recorder, Path path) {
        this.recorder = recorder;
        this.path = path;
    }

    /**
     * Creates the call's file under {@code base}; null when that fails, which is then logged and the call's result
     * completed.
     */
    static ActiveRecording open(CallRecorder recorder, Path base, RecordingFile.Opener opener, long maxDataBytes,
            ByteBuffer buffer) {
        RecordingSettings settings = recorder.settings();
        Path path = settings.path().resolve(base, recorder.call(), recorder.started().atZone(settings.zone()));
        ActiveRecording recording = new ActiveRecording(recorder, path);
        try {
            recording.file = RecordingFile.create(path, opener, settings.sampleRate(), maxDataBytes, buffer);
        } catch (IOException | RuntimeException e) {
            recording.fail(e);
            return null;
        }
        // One second of window: half of it is how far one side may lag the other before its audio counts as late.
        recording.aligner = new StereoAligner(recording.file, settings.sampleRate(), recorder.startPosition());
        return recording;
    }

    /**
     * Moves everything handed over so far into the file, then finishes the file if the call has closed the
     * recorder or {@code last} says the writer is shutting down.
     *
     * @return whether the recording is over
     */
    boolean pass(boolean last) {
        // Read before draining: whatever the loop handed over before closing is then in the ring.
        boolean closed = recorder.isClosed();
        try {
            ChunkRing ring = recorder.ring();
            for (ChunkRing.Chunk chunk = ring.peek(); chunk != null; chunk = ring.peek()) {
                aligner.accept(chunk.side.ordinal(), chunk.position, chunk.samples, 0, chunk.length);
                ring.release();
            }
            if (closed || last) {
                finish(closed);
                return true;
            }
            return false;
        } catch (IOException | RuntimeException e) {
            fail(e);
            return true;
        }
    }

    /** A call that closed had its audio run up to its last position; dropped chunks at the end become silence. */
    private void finish(boolean closed) throws IOException {
        if (closed) {
            aligner.extendTo(recorder.endPosition());
        } else {
            recorder.abandon();
        }
        aligner.flush();
        file.writeSizes();
        file.close();
        RecordingResult result = result(closed ? null : "the recorder shut down before the call ended");
        String call = recorder.call().logName();
        if (result.droppedChunks() == 0 && result.lateSamples() == 0) {
            log.info("{}: recorded {} ({} s)", call, file.path(), seconds(result));
        } else {
            log.warn("{}: recorded {} ({} s); {}: silence in the file there", call, file.path(), seconds(result),
                    losses(result));
        }
        recorder.finish(result);
    }

    /** Logs once, keeps whatever was written as a valid file, and lets the call go on without recording. */
    private void fail(Exception e) {
        recorder.abandon();
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        String call = recorder.call().logName();
        if (file == null) {
            log.warn("{}: cannot record to {}: {}; the call goes on without recording", call, path, reason);
        } else {
            salvage();
            log.warn("{}: stopped recording to {} after {} s: {}; the call goes on, the file keeps what was written",
                    call, file.path(), seconds(result(reason)), reason);
        }
        recorder.finish(result(reason));
    }

    /** Best effort after a failure: the sizes may well fail to write too, which changes nothing for the call. */
    private void salvage() {
        try (RecordingFile failed = file) {
            failed.writeSizes();
        } catch (IOException | RuntimeException alsoFailed) {
            log.debug("{}: could not finalise {}: {}", recorder.call().logName(), file.path(), alsoFailed.toString());
        }
    }

    private RecordingResult result(String failure) {
        long frames = file == null ? 0 : file.dataBytes() / WavHeader.BYTES_PER_FRAME;
        return new RecordingResult(file == null ? path : file.path(), frames, recorder.settings().sampleRate(),
                recorder.droppedChunks(), aligner == null ? 0 : aligner.lateSamples(), failure);
    }

    private static String losses(RecordingResult result) {
        String dropped = result.droppedChunks() + " chunks of audio (20 ms each at most) were dropped because the "
                + "recording writer fell behind (a slow disk?)";
        String late = result.lateSamples() + " samples arrived too late to be placed";
        if (result.lateSamples() == 0) {
            return dropped;
        }
        return result.droppedChunks() == 0 ? late : dropped + ", and " + late;
    }

    private static String seconds(RecordingResult result) {
        return String.format(Locale.ROOT, "%.1f", result.seconds());
    }
}
