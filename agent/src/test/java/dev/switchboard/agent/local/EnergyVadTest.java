package dev.switchboard.agent.local;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.switchboard.agent.local.TestSignals.concat;
import static dev.switchboard.agent.local.TestSignals.modulatedTone;
import static dev.switchboard.agent.local.TestSignals.noise;
import static dev.switchboard.agent.local.TestSignals.silence;
import static dev.switchboard.agent.local.TestSignals.tone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EnergyVadTest {

    private static final double DEFAULT_THRESHOLD = 0.5;
    private static final int DEFAULT_SILENCE_MS = 500;
    private static final int CHUNK_BYTES = 20 * Pcm24k.BYTES_PER_MS;

    /** An event and the position the detector had reached when it reported it. */
    private record Detection(EnergyVad.Event event, long reportedAtSample) {
    }

    private static List<Detection> feed(EnergyVad vad, byte[] audio, int chunkBytes) {
        List<Detection> detections = new ArrayList<>();
        for (int offset = 0; offset < audio.length; offset += chunkBytes) {
            byte[] chunk = Arrays.copyOfRange(audio, offset, Math.min(audio.length, offset + chunkBytes));
            for (EnergyVad.Event event : vad.accept(chunk)) {
                detections.add(new Detection(event, vad.position()));
            }
        }
        return detections;
    }

    private static List<Detection> feedDefault(byte[] audio) {
        return feed(new EnergyVad(DEFAULT_THRESHOLD, DEFAULT_SILENCE_MS, 0), audio, CHUNK_BYTES);
    }

    private static long samples(int ms) {
        return Pcm24k.msToSamples(ms);
    }

    @Test
    void digitalSilenceIsNotSpeech() {
        assertEquals(List.of(), feedDefault(silence(3000)));
    }

    @Test
    void lineNoiseAtMinus60DbfsIsNotSpeech() {
        assertEquals(List.of(), feedDefault(noise(5000, -60, 1)));
    }

    @Test
    void noiseJustBelowTheOnsetLevelIsNotSpeech() {
        assertEquals(-40.0, EnergyVad.onsetDbfs(DEFAULT_THRESHOLD), 1e-9);
        assertEquals(List.of(), feedDefault(noise(3000, -42, 2)));
    }

    @Test
    void burstStartsQuicklyAndStopsAfterTheSilenceDuration() {
        byte[] audio = concat(silence(1000), noise(300, -20, 3), silence(1000));
        List<Detection> detections = feedDefault(audio);

        assertEquals(2, detections.size(), detections.toString());
        EnergyVad.SpeechStarted start = assertInstanceOf(EnergyVad.SpeechStarted.class, detections.get(0).event());
        assertEquals(samples(1000), start.startSample(), "start is the first loud frame");
        long reportLatency = detections.get(0).reportedAtSample() - samples(1000);
        assertTrue(reportLatency <= samples(60), "start reported " + reportLatency / 24 + " ms after onset");

        EnergyVad.SpeechStopped stop = assertInstanceOf(EnergyVad.SpeechStopped.class, detections.get(1).event());
        assertEquals(samples(1300 + DEFAULT_SILENCE_MS), stop.endSample(), "stop includes the silence duration");
    }

    @Test
    void ordinaryTelephoneSpeechLevelsTrigger() {
        for (int dbfs : new int[] {-30, -25, -15}) {
            List<Detection> detections = feedDefault(concat(silence(200), modulatedTone(600, dbfs, 300, 4, 0.6),
                    silence(800)));
            assertEquals(2, detections.size(), dbfs + " dBFS: " + detections);
        }
    }

    @Test
    void thresholdMapsOntoTheOnsetLevel() {
        byte[] quiet = concat(noise(500, -50, 4), silence(700));
        assertEquals(List.of(), feedDefault(quiet), "threshold 0.5 (-40 dBFS) ignores -50 dBFS");
        assertEquals(2, feed(new EnergyVad(0.0, 500, 0), quiet, CHUNK_BYTES).size(),
                "threshold 0 (-60 dBFS) hears -50 dBFS");

        byte[] normal = concat(tone(500, -30, 440), silence(700));
        assertEquals(2, feedDefault(normal).size(), "threshold 0.5 hears -30 dBFS");
        assertEquals(List.of(), feed(new EnergyVad(1.0, 500, 0), normal, CHUNK_BYTES),
                "threshold 1 (-20 dBFS) ignores -30 dBFS");
    }

    @Test
    void shortDipDoesNotEndSpeech() {
        byte[] audio = concat(silence(500), tone(300, -20, 440), silence(50), tone(300, -20, 440), silence(1000));
        List<Detection> detections = feedDefault(audio);

        assertEquals(2, detections.size(), detections.toString());
        EnergyVad.SpeechStopped stop = assertInstanceOf(EnergyVad.SpeechStopped.class, detections.get(1).event());
        assertEquals(samples(500 + 300 + 50 + 300 + DEFAULT_SILENCE_MS), stop.endSample());
    }

    @Test
    void levelBetweenReleaseAndOnsetKeepsSpeechGoing() {
        byte[] audio = concat(tone(300, -20, 440), noise(1500, -43, 5), silence(1000));
        List<Detection> detections = feedDefault(audio);

        assertEquals(2, detections.size(), detections.toString());
        EnergyVad.SpeechStopped stop = assertInstanceOf(EnergyVad.SpeechStopped.class, detections.get(1).event());
        assertEquals(samples(1800 + DEFAULT_SILENCE_MS), stop.endSample(), "-43 dBFS is above the -46 dBFS release");
    }

    @Test
    void silenceDurationIsConfigurable() {
        EnergyVad vad = new EnergyVad(DEFAULT_THRESHOLD, 200, 0);
        List<Detection> detections = feed(vad, concat(tone(300, -20, 440), silence(400)), CHUNK_BYTES);

        EnergyVad.SpeechStopped stop = assertInstanceOf(EnergyVad.SpeechStopped.class, detections.get(1).event());
        assertEquals(samples(500), stop.endSample());
    }

    @Test
    void positionsStartAtTheGivenSample() {
        EnergyVad vad = new EnergyVad(DEFAULT_THRESHOLD, DEFAULT_SILENCE_MS, 48_000);
        List<Detection> detections = feed(vad, concat(silence(100), tone(300, -20, 440)), CHUNK_BYTES);

        EnergyVad.SpeechStarted start = assertInstanceOf(EnergyVad.SpeechStarted.class, detections.get(0).event());
        assertEquals(48_000 + samples(100), start.startSample());
    }

    @Test
    void oddSizedChunksGiveTheSameResultAsWholeFrames() {
        byte[] audio = concat(silence(330), modulatedTone(700, -25, 250, 3, 0.5), silence(900));
        List<EnergyVad.Event> whole = feed(new EnergyVad(0.5, 500, 0), audio, audio.length).stream()
                .map(Detection::event).toList();
        List<EnergyVad.Event> ragged = feed(new EnergyVad(0.5, 500, 0), audio, 7).stream()
                .map(Detection::event).toList();

        assertEquals(2, whole.size());
        assertEquals(whole, ragged);
    }

    @Test
    void forceStopEndsSpeechAtTheCurrentPosition() {
        EnergyVad vad = new EnergyVad(DEFAULT_THRESHOLD, DEFAULT_SILENCE_MS, 0);
        assertNull(vad.forceStop(), "nothing to stop before speech");
        vad.accept(tone(200, -20, 440));
        assertTrue(vad.speaking());

        EnergyVad.SpeechStopped stop = vad.forceStop();

        assertEquals(samples(200), stop.endSample());
        assertFalse(vad.speaking());
    }
}
