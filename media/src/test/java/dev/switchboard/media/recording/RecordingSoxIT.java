package dev.switchboard.media.recording;

import static dev.switchboard.media.recording.Tones.tone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings as SoX, an independent WAV reader, sees them: a finished file, and one whose call is still going
 * (as a crash would leave it). The project's test launcher installs sox; without it these tests fail and say so.
 */
class RecordingSoxIT {

    private static final int RATE = 16_000;
    private static final int TICK = RATE / 50;
    private static final Pattern MAXIMUM = Pattern.compile("Maximum amplitude:\\s+([0-9.]+)");

    @TempDir
    Path dir;

    /** 3 s of caller, the agent only in the second second, through the real writer thread. */
    @Test
    void soxReadsAFinishedRecordingAsStereoWithEachSideOnItsChannel() throws Exception {
        RecordingResult result;
        try (Recorder recorder = Recorder.start(dir, Clock.systemUTC())) {
            CallRecorder call = recorder.record(settings(), new RecordedCall("sox", "a", "b", "c"), 0);
            for (long at = 0; at < 3 * RATE; at += TICK) {
                call.caller(at, tone(440, RATE, at, TICK), 0, TICK);
                if (at >= RATE && at < 2 * RATE) {
                    call.agent(at, tone(1000, RATE, at, TICK), 0, TICK);
                }
            }
            call.close();
            result = call.finished().get(10, TimeUnit.SECONDS);
        }
        Path file = result.path();

        assertEquals("2", sox("--i", "-c", file.toString()).strip());
        assertEquals(String.valueOf(RATE), sox("--i", "-r", file.toString()).strip());
        assertEquals("16", sox("--i", "-b", file.toString()).strip());
        assertEquals("Signed Integer PCM", sox("--i", "-e", file.toString()).strip());
        assertEquals(String.valueOf(3 * RATE), sox("--i", "-s", file.toString()).strip());
        assertTrue(maximum(file, 1, 0) > 0.2, "caller in the first second, left");
        assertEquals(0.0, maximum(file, 2, 0), "agent silent in the first second, right");
        assertTrue(maximum(file, 2, 1) > 0.2, "agent in the second second, right");
        assertEquals(0.0, maximum(file, 2, 2), "agent silent in the third second, right");
    }

    /** A call still recording: the header's checkpointed sizes make the file readable as it stands. */
    @Test
    void soxReadsTheFileOfACallStillInProgress() throws Exception {
        Recorder recorder = new Recorder(dir, Clock.systemUTC(), RecordingFile.CREATE_NEW, WavHeader.MAX_DATA_BYTES,
                Recorder.DEFAULT_SLOTS);
        CallRecorder call = recorder.record(settings(), new RecordedCall("live", "a", "b", "c"), 0);
        for (long at = 0; at < 7 * RATE; at += TICK) {
            call.caller(at, tone(440, RATE, at, TICK), 0, TICK);
            recorder.drain();
        }
        Path file = dir.resolve("live.wav");

        long samples = Long.parseLong(sox("--i", "-s", file.toString()).strip());
        assertTrue(samples >= RecordingFile.CHECKPOINT_SECONDS * RATE && samples < 7 * RATE, samples + " samples");
        assertTrue(maximum(file, 1, 4) > 0.2, "caller audio up to the checkpoint decodes");
    }

    private static RecordingSettings settings() {
        return new RecordingSettings(PathTemplate.parse("{call_id}.wav"), RATE);
    }

    /** The largest absolute sample, 0..1, of one channel (1 left, 2 right) over one second. */
    private static double maximum(Path file, int channel, int second) throws Exception {
        String stat = sox(file.toString(), "-n", "remix", String.valueOf(channel), "trim", String.valueOf(second),
                "1", "stat");
        Matcher maximum = MAXIMUM.matcher(stat);
        assertTrue(maximum.find(), stat);
        return Double.parseDouble(maximum.group(1));
    }

    /** Runs sox with {@code arguments}; its output and error output together. */
    private static String sox(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("sox"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("sox is not installed, and this test needs it to read the recordings independently; the "
                    + "project's test launcher installs it (Debian: apt-get install sox): " + e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "sox did not finish: " + command);
        assertEquals(0, process.exitValue(), command + " failed: " + output);
        return output;
    }
}
