package dev.switchboard.media.recording;

import static dev.switchboard.media.recording.Tones.tone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder with its writer driven by hand: each {@code drain()} is one pass of the writer thread. */
class RecorderTest {

    private static final int RATE = 8_000;
    private static final int TICK = 160;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:20:30Z"), ZoneOffset.UTC);
    private static final RecordedCall CALL = new RecordedCall("call-1", "+4930123456", "100", "orders");
    private static final RecordingSettings SETTINGS =
            new RecordingSettings(PathTemplate.parse("recordings/{date}/{call_id}-{from}-{to}.wav"), RATE);

    @TempDir
    Path dir;

    private Recorder recorder(long maxDataBytes) {
        return new Recorder(dir, CLOCK, RecordingFile.CREATE_NEW, maxDataBytes, Recorder.DEFAULT_SLOTS);
    }

    private Recorder recorder() {
        return recorder(WavHeader.MAX_DATA_BYTES);
    }

    private Path expectedPath() {
        return dir.resolve("recordings/2025-06-01/call-1-+4930123456-100.wav");
    }

    /**
     * The caller speaks a 440 Hz tone for 3 s from the start; the agent a 1 kHz tone in two spurts, the first
     * starting 3 samples after a tick boundary. Each channel must hold its side's samples at exactly their
     * positions and silence elsewhere.
     */
    @Test
    void callerIsLeftAgentIsRightEachSampleAtItsPosition() throws Exception {
        long start = 1_000_000;
        Recorder writer = recorder();
        CallRecorder call = writer.record(SETTINGS, CALL, start);
        for (int t = 0; t < 200; t++) {
            long at = start + (long) t * TICK;
            if (t < 150) {
                call.caller(at, tone(440, RATE, at, TICK), 0, TICK);
            }
            int inSpurt = (int) (at - start) + 3;
            if ((inSpurt >= 8_003 && inSpurt < 16_003) || (at - start >= 20_000 && at - start < 32_000)) {
                long agentAt = at - start >= 20_000 ? at : at + 3;
                call.agent(agentAt, tone(1000, RATE, agentAt, TICK), 0, TICK);
            }
            writer.drain();
        }
        call.close();
        writer.drain();

        RecordingResult result = call.finished().getNow(null);
        assertEquals(new RecordingResult(expectedPath(), 32_000, RATE, 0, 0, null), result);
        WavFile wav = WavFile.read(expectedPath());
        assertEquals(32_000, wav.frames());
        for (int i = 0; i < 32_000; i++) {
            long at = start + i;
            boolean agentSpeaks = (i >= 8_003 && i < 16_003) || (i >= 20_000 && i < 32_000);
            assertEquals(i < 24_000 ? tone(440, RATE, at) : 0, wav.left()[i], "left at frame " + i);
            assertEquals(agentSpeaks ? tone(1000, RATE, at) : 0, wav.right()[i], "right at frame " + i);
        }
    }

    @Test
    void closeFinalisesTheHeaderSizesAndIsIdempotent() throws Exception {
        Recorder writer = recorder();
        CallRecorder call = writer.record(SETTINGS, CALL, 0);
        handOverCaller(writer, call, 0, 2 * RATE);
        call.close();
        writer.drain();
        long size = Files.size(expectedPath());
        call.close();
        call.caller(2 * RATE, new short[TICK], 0, TICK);
        writer.drain();

        WavFile wav = WavFile.read(expectedPath());
        assertEquals(44 + 2 * RATE * 4, size);
        assertEquals(size, Files.size(expectedPath()), "nothing written after close");
        assertEquals(size - 8, wav.riffSize());
        assertEquals(size - 44, wav.dataSize());
        assertEquals(2, wav.channels());
        assertEquals(RATE, wav.sampleRate());
        assertEquals(2 * RATE, call.finished().getNow(null).frames());
    }

    /** A file cut short by a crash must still say, in its header, how much audio it holds (give or take 5 s). */
    @Test
    void headerSizesAreRewrittenEveryFewSecondsWhileTheCallGoesOn() throws Exception {
        Recorder writer = recorder();
        CallRecorder call = writer.record(SETTINGS, CALL, 0);
        handOverCaller(writer, call, 0, 7 * RATE);

        WavFile interrupted = WavFile.read(expectedPath());
        long audioOnDisk = Files.size(expectedPath()) - 44;
        assertTrue(interrupted.dataSize() >= RecordingFile.CHECKPOINT_SECONDS * RATE * 4,
                "header says " + interrupted.dataSize() + " bytes");
        assertTrue(interrupted.dataSize() <= audioOnDisk && audioOnDisk - interrupted.dataSize() < 2 * RATE * 4);
        assertEquals(interrupted.dataSize() + 36, interrupted.riffSize());
        assertEquals(tone(440, RATE, 12_345), interrupted.left()[12_345]);
        assertFalse(call.finished().isDone());
    }

    @Test
    void neverOverwritesAnExistingFileButNumbersTheNewOne() throws Exception {
        Files.createDirectories(expectedPath().getParent());
        Files.writeString(expectedPath(), "precious");
        Recorder writer = recorder();

        CallRecorder first = writer.record(SETTINGS, CALL, 0);
        CallRecorder second = writer.record(SETTINGS, CALL, 0);
        first.close();
        second.close();
        writer.drain();

        assertEquals("precious", Files.readString(expectedPath()));
        assertEquals(sibling("call-1-+4930123456-100-1.wav"), first.finished().getNow(null).path());
        assertEquals(sibling("call-1-+4930123456-100-2.wav"), second.finished().getNow(null).path());
        assertEquals(0, WavFile.read(sibling("call-1-+4930123456-100-2.wav")).dataSize());
    }

    @Test
    void longChunksAreSplitAndAudioBeforeTheStartCountsAsLate() throws Exception {
        Recorder writer = recorder();
        CallRecorder call = writer.record(SETTINGS, CALL, 500);
        short[] second = tone(440, RATE, 0, 1_000);
        call.caller(0, second, 0, 1_000);
        call.agent(600, second, 100, 50);
        call.close();
        writer.drain();

        WavFile wav = WavFile.read(expectedPath());
        assertEquals(500, wav.frames());
        assertArrayEquals(Arrays.copyOfRange(second, 500, 1_000), wav.left());
        assertArrayEquals(Arrays.copyOfRange(second, 100, 150), Arrays.copyOfRange(wav.right(), 100, 150));
        assertEquals(500, call.finished().getNow(null).lateSamples());
    }

    @Test
    void anUnwritableDirectoryIsLoggedOnceWithThePathAndTheCallGoesOn() throws Exception {
        Files.writeString(dir.resolve("recordings"), "a file where the directory should be");
        Recorder writer = recorder();
        try (CapturedLog log = new CapturedLog()) {
            CallRecorder call = writer.record(SETTINGS, CALL, 0);
            handOverCaller(writer, call, 0, 30 * RATE);
            call.close();
            writer.drain();

            RecordingResult result = call.finished().getNow(null);
            assertFalse(result.succeeded());
            assertEquals(expectedPath(), result.path());
            assertTrue(result.failure().contains("Not a directory"), result.failure());
            assertEquals(0, call.droppedChunks(), "the loop stopped handing over once the writer gave up");
            assertEquals(1, log.lines("cannot record to " + expectedPath()).size());
            assertEquals(1, log.lines("call-1").size());
        }
    }

    @Test
    void aFullDiskIsLoggedOnceWithTheReasonAndTheCallGoesOn() throws Exception {
        Recorder writer = new Recorder(dir, CLOCK, path -> java.nio.channels.FileChannel.open(Path.of("/dev/full"),
                java.nio.file.StandardOpenOption.WRITE), WavHeader.MAX_DATA_BYTES, Recorder.DEFAULT_SLOTS);
        try (CapturedLog log = new CapturedLog()) {
            CallRecorder call = writer.record(SETTINGS, CALL, 0);
            handOverCaller(writer, call, 0, 10 * RATE);
            call.close();
            writer.drain();

            RecordingResult result = call.finished().getNow(null);
            assertTrue(result.failure().contains("No space left on device"), result.failure());
            assertEquals(1, log.lines("cannot record to " + expectedPath(), "No space left on device").size());
            assertEquals(1, log.lines("call-1").size());
        }
    }

    /** Failing mid-call (here at the size limit, as a disk filling up would) keeps a valid file of what was written. */
    @Test
    void failingMidCallKeepsAValidFileOfWhatWasWrittenAndLogsOnce() throws Exception {
        Recorder writer = recorder(RATE * 4);
        try (CapturedLog log = new CapturedLog()) {
            CallRecorder call = writer.record(SETTINGS, CALL, 0);
            handOverCaller(writer, call, 0, 5 * RATE);
            call.close();
            writer.drain();

            RecordingResult result = call.finished().getNow(null);
            assertTrue(result.failure().contains("size limit"), result.failure());
            assertEquals(RATE, result.frames());
            WavFile wav = WavFile.read(expectedPath());
            assertEquals(RATE * 4, wav.dataSize());
            assertEquals(wav.fileBytes() - 44, wav.dataSize());
            assertEquals(tone(440, RATE, RATE - 1), wav.left()[RATE - 1]);
            assertEquals(1, log.lines("stopped recording to " + expectedPath(), "after 1.0 s", "size limit").size());
            assertEquals(1, log.lines("call-1").size());
        }
    }

    @Test
    void dropsAndLateAudioAreLoggedOnceWhenTheRecordingEnds() throws Exception {
        Recorder writer = recorder();
        try (CapturedLog log = new CapturedLog()) {
            CallRecorder call = writer.record(SETTINGS, CALL, 0);
            for (int t = 0; t < Recorder.DEFAULT_SLOTS + 10; t++) {
                call.caller((long) t * TICK, tone(440, RATE, (long) t * TICK, TICK), 0, TICK);
            }
            call.close();
            writer.drain();

            RecordingResult result = call.finished().getNow(null);
            assertEquals(10, result.droppedChunks());
            assertEquals((Recorder.DEFAULT_SLOTS + 10) * TICK, result.frames(), "dropped audio at the end is silence");
            assertEquals(1, log.lines("call-1", "10 chunks of audio", "were dropped").size());
            assertEquals(1, log.lines("call-1").size());
        }
    }

    @Test
    void shuttingDownFinishesRecordingsInProgressAndRefusesNewOnes() throws Exception {
        Recorder writer = recorder();
        CallRecorder call = writer.record(SETTINGS, CALL, 0);
        handOverCaller(writer, call, 0, 3 * RATE);

        writer.close();
        writer.close();
        CallRecorder late = writer.record(SETTINGS, CALL, 0);

        RecordingResult result = call.finished().getNow(null);
        assertEquals(3 * RATE, result.frames());
        assertTrue(result.failure().contains("shut down"));
        assertEquals(3 * RATE * 4, WavFile.read(expectedPath()).dataSize());
        assertTrue(late.finished().getNow(null).failure().contains("shut down"));
    }

    /** Hands over {@code samples} of the caller's 440 Hz tone in 20 ms chunks, the writer passing after each. */
    private static void handOverCaller(Recorder writer, CallRecorder call, long position, int samples) {
        for (long at = position; at < position + samples; at += TICK) {
            call.caller(at, tone(440, RATE, at, TICK), 0, TICK);
            writer.drain();
        }
    }

    private Path sibling(String name) {
        return expectedPath().resolveSibling(name);
    }
}
