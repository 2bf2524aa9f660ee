package dev.switchboard.media.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records calls as stereo WAV files (caller left, agent right) on one writer thread shared by all calls, so that
 * a slow or full disk never delays any call's audio.
 *
 * <p>Each call gets a {@link CallRecorder} with its own ring of preallocated chunks, filled by the call's event
 * loop. Every {@value #WRITE_PERIOD_MILLIS} ms the writer empties every ring into its file; a ring holds
 * {@link #DEFAULT_SLOTS} chunks of 20 ms, about 2.5 s of both sides, so the disk may stall that long before audio
 * is dropped. Creating directories and files happens on the writer too: nothing on a loop touches the disk.
 *
 * <p>The writer is a platform thread: file channels block in the kernel, which a virtual thread would only pin to
 * its carrier.
 */
public final class Recorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Recorder.class);
    static final long WRITE_PERIOD_MILLIS = 50;
    static final int DEFAULT_SLOTS = 256;
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 10;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path baseDirectory;
    private final Clock clock;
    private final RecordingFile.Opener opener;
    private final long maxDataBytes;
    private final int slots;
    private final ConcurrentLinkedQueue<CallRecorder> added = new ConcurrentLinkedQueue<>();
    /** The writer's own. */
    private final List<ActiveRecording> active = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private ScheduledExecutorService writer;
    private volatile boolean closed;

    Recorder(Path baseDirectory, Clock clock, RecordingFile.Opener opener, long maxDataBytes, int slots) {
        this.baseDirectory = baseDirectory;
        this.clock = clock;
        this.opener = opener;
        this.maxDataBytes = maxDataBytes;
        this.slots = slots;
    }

    /**
     * Starts the writer thread.
     *
     * @param baseDirectory what relative recording paths are relative to
     * @param clock         the time of {@code {date}} and {@code {time}}
     */
    public static Recorder start(Path baseDirectory, Clock clock) {
        Recorder recorder = new Recorder(baseDirectory, clock, RecordingFile.CREATE_NEW, WavHeader.MAX_DATA_BYTES,
                DEFAULT_SLOTS);
        recorder.runOn(Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("switchboard-recorder").daemon().factory()));
        return recorder;
    }

    /** Runs the writer on {@code executor}, which must run one task at a time: the writer's state is its own. */
    void runOn(ScheduledExecutorService executor) {
        this.writer = executor;
        executor.scheduleWithFixedDelay(this::drain, WRITE_PERIOD_MILLIS, WRITE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts recording a call; the file is created on the writer thread, which logs if it cannot be. Cheap and
     * non-blocking: call it on the call's event loop, where the recorder's ring is allocated.
     *
     * @param startPosition the timeline position of the file's first frame
     */
    public CallRecorder record(RecordingSettings settings, RecordedCall call, long startPosition) {
        CallRecorder recorder = new CallRecorder(settings, call, clock.instant(), startPosition, slots);
        added.add(recorder);
        // The writer's last pass may have run between the add and here; if it did not take the call, nothing will.
        if (closed && added.remove(recorder)) {
            recorder.abandon();
            recorder.finish(new RecordingResult(null, 0, settings.sampleRate(), 0, 0, "the recorder is shut down"));
        }
        return recorder;
    }

    /** One pass of the writer: opens new calls' files, moves every call's audio into its file, finishes closed ones. */
    void drain() {
        try {
            pass(false);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: stop every recording rather than keep them silently.
            log.error("recording writer failed; recordings stop here", e);
        }
    }

    private void pass(boolean last) {
        for (CallRecorder call = added.poll(); call != null; call = added.poll()) {
            ActiveRecording opened = ActiveRecording.open(call, baseDirectory, opener, maxDataBytes, buffer);
            if (opened != null) {
                active.add(opened);
            }
        }
        active.removeIf(recording -> recording.pass(last));
    }

    /**
     * Finishes every recording with what it has (their calls' later audio is ignored) and stops the writer,
     * waiting up to {@value #SHUTDOWN_TIMEOUT_SECONDS} s for it: for server shutdown, never on an event loop.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (writer == null) {
            pass(true);
            return;
        }
        writer.execute(() -> pass(true));
        writer.shutdown();
        try {
            if (!writer.awaitTermination(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("recording writer did not finish within {} s (disk stalled?); recordings in progress may "
                        + "lack their last seconds", SHUTDOWN_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
