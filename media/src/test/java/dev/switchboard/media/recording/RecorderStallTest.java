package dev.switchboard.media.recording;

import static dev.switchboard.media.recording.Tones.tone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real writer thread, held up by a gate the way a stalled disk would hold it up. */
class RecorderStallTest {

    private static final int RATE = 8_000;
    private static final int TICK = 160;
    private static final int TICKS = 500;

    @TempDir
    Path dir;

    /**
     * With the writer stuck, the loop's 500 ticks of both sides fill the call's ring of 256 chunks and the rest are
     * dropped and counted; handing over never waits (a blocking hand-over would hang until the timeout). Once the
     * writer resumes, the file holds the first 128 ticks of both sides and silence for the dropped ones.
     */
    @Test
    void aStalledWriterMakesTheLoopDropAndCountChunksWithoutBlocking() throws Exception {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch gate = new CountDownLatch(1);
        thread.execute(() -> awaitQuietly(gate));
        Recorder writer = new Recorder(dir, Clock.systemUTC(), RecordingFile.CREATE_NEW, WavHeader.MAX_DATA_BYTES,
                Recorder.DEFAULT_SLOTS);
        writer.runOn(thread);
        RecordingSettings settings = new RecordingSettings(PathTemplate.parse("{call_id}.wav"), RATE);
        CallRecorder call = writer.record(settings, new RecordedCall("stalled", "a", "b", "c"), 0);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> handOverBothSides(call));
        assertEquals(2 * TICKS - Recorder.DEFAULT_SLOTS, call.droppedChunks());
        call.close();
        gate.countDown();
        RecordingResult result = call.finished().get(10, TimeUnit.SECONDS);
        writer.close();

        assertEquals(2 * TICKS - Recorder.DEFAULT_SLOTS, result.droppedChunks());
        WavFile wav = WavFile.read(dir.resolve("stalled.wav"));
        assertEquals(TICKS * TICK, wav.frames(), "dropped chunks are silence, up to the last position handed over");
        int kept = Recorder.DEFAULT_SLOTS / 2 * TICK;
        for (int i = 0; i < wav.frames(); i++) {
            assertEquals(i < kept ? tone(440, RATE, i) : 0, wav.left()[i], "left at " + i);
            assertEquals(i < kept ? tone(1000, RATE, i) : 0, wav.right()[i], "right at " + i);
        }
    }

    private static void handOverBothSides(CallRecorder call) {
        for (int t = 0; t < TICKS; t++) {
            long at = (long) t * TICK;
            short[] caller = tone(440, RATE, at, TICK);
            short[] agent = tone(1000, RATE, at, TICK);
            call.caller(at, caller, 0, TICK);
            call.agent(at, agent, 0, TICK);
        }
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
