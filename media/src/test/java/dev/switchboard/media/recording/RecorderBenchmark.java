package dev.switchboard.media.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What recording costs: nanoseconds per 20 ms chunk on the call's loop, and how many MB/s the writer turns into
 * files. The writer is driven by hand so the two are timed apart. A benchmark, not a test: run with
 * {@code deploy/bench/recorder.sh}; it prints its figures.
 */
public final class RecorderBenchmark {

    private static final int RATE = 16_000;
    private static final int TICK = RATE / 50;
    private static final int CALLS = 10;
    private static final int SECONDS = 120;
    /** Ticks handed over between writer passes: both sides fill the ring exactly. */
    private static final int TICKS_PER_PASS = Recorder.DEFAULT_SLOTS / 2;

    private final Path dir;

    private RecorderBenchmark(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("switchboard-recorder-bench");
        RecorderBenchmark bench = new RecorderBenchmark(dir);
        bench.measure(2, 20);
        Measurement m = bench.measure(CALLS, SECONDS);

        double nanosPerChunk = (double) m.handOverNanos / m.chunks;
        double megabytesPerSecond = m.bytes / 1e6 / (m.drainNanos / 1e9);
        System.out.printf("recording at %d Hz: hand-over %.0f ns per 20 ms chunk; writer %.0f MB/s (%d calls x %d s,"
                + " %.1f MB)%n", RATE, nanosPerChunk, megabytesPerSecond, CALLS, SECONDS, m.bytes / 1e6);
        if (m.bytes != (long) CALLS * (44 + SECONDS * RATE * 4L)) {
            throw new IllegalStateException("recordings are " + m.bytes + " bytes, not the expected size");
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private record Measurement(long chunks, long handOverNanos, long drainNanos, long bytes) {
    }

    private Measurement measure(int calls, int seconds) throws Exception {
        Path run = Files.createTempDirectory(dir, "run");
        Recorder writer = new Recorder(run, Clock.systemUTC(), RecordingFile.CREATE_NEW, WavHeader.MAX_DATA_BYTES,
                Recorder.DEFAULT_SLOTS);
        RecordingSettings settings = new RecordingSettings(PathTemplate.parse("{call_id}.wav"), RATE);
        List<CallRecorder> recorders = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            recorders.add(writer.record(settings, new RecordedCall("call" + i, "a", "b", "c"), 0));
        }
        short[] caller = Tones.tone(440, RATE, 0, TICK);
        short[] agent = Tones.tone(1000, RATE, 0, TICK);
        long handOver = 0;
        long drain = 0;
        for (int t = 0; t < seconds * 50; t += TICKS_PER_PASS) {
            long before = System.nanoTime();
            for (CallRecorder call : recorders) {
                for (int tick = t; tick < Math.min(t + TICKS_PER_PASS, seconds * 50); tick++) {
                    call.caller((long) tick * TICK, caller, 0, TICK);
                    call.agent((long) tick * TICK, agent, 0, TICK);
                }
            }
            long between = System.nanoTime();
            writer.drain();
            drain += System.nanoTime() - between;
            handOver += between - before;
        }
        long before = System.nanoTime();
        recorders.forEach(CallRecorder::close);
        writer.drain();
        drain += System.nanoTime() - before;
        long bytes = 0;
        for (CallRecorder call : recorders) {
            RecordingResult result = call.finished().getNow(null);
            if (!result.succeeded() || result.droppedChunks() != 0) {
                throw new IllegalStateException("recording failed or dropped audio: " + result);
            }
            bytes += Files.size(result.path());
        }
        return new Measurement(2L * calls * seconds * 50, handOver, drain, bytes);
    }
}
