package dev.switchboard.agent.local;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.switchboard.agent.local.TestSignals.concat;
import static dev.switchboard.agent.local.TestSignals.silence;
import static dev.switchboard.agent.local.TestSignals.tone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioInputTest {

    private static final TurnDetection DEFAULT_VAD = new TurnDetection(0.5, 300, 500, true, true);

    private static List<AudioInput.Turn> appendInChunks(AudioInput input, byte[] audio) {
        List<AudioInput.Turn> turns = new ArrayList<>();
        int chunk = 20 * Pcm24k.BYTES_PER_MS;
        for (int offset = 0; offset < audio.length; offset += chunk) {
            turns.addAll(input.append(Arrays.copyOfRange(audio, offset, Math.min(audio.length, offset + chunk))));
        }
        return turns;
    }

    private static byte[] slice(byte[] audio, long fromMs, long toMs) {
        return Arrays.copyOfRange(audio, (int) fromMs * Pcm24k.BYTES_PER_MS, (int) toMs * Pcm24k.BYTES_PER_MS);
    }

    @Test
    void utteranceRunsFromThePaddedStartToTheStop() {
        byte[] audio = concat(silence(5000), tone(800, -20, 440), silence(700));
        List<AudioInput.Turn> turns = appendInChunks(new AudioInput(DEFAULT_VAD, 120_000), audio);

        assertEquals(2, turns.size(), turns.toString());
        AudioInput.SpeechStarted start = assertInstanceOf(AudioInput.SpeechStarted.class, turns.get(0));
        assertEquals(Pcm24k.msToSamples(5000 - 300), start.startSample());
        AudioInput.SpeechStopped stop = assertInstanceOf(AudioInput.SpeechStopped.class, turns.get(1));
        assertEquals(Pcm24k.msToSamples(5800 + 500), stop.endSample());
        assertArrayEquals(slice(audio, 4700, 6300), stop.utterance());
    }

    @Test
    void paddingCannotReachBeforeTheFirstAudio() {
        byte[] audio = concat(silence(100), tone(400, -20, 440), silence(600));
        List<AudioInput.Turn> turns = appendInChunks(new AudioInput(DEFAULT_VAD, 120_000), audio);

        assertEquals(0, assertInstanceOf(AudioInput.SpeechStarted.class, turns.get(0)).startSample());
        assertArrayEquals(slice(audio, 0, 1000),
                assertInstanceOf(AudioInput.SpeechStopped.class, turns.get(1)).utterance());
    }

    @Test
    void overlongTurnIsCutAtTheBufferLimit() {
        AudioInput input = new AudioInput(DEFAULT_VAD, 1000);
        List<AudioInput.Turn> turns = appendInChunks(input, concat(silence(500), tone(2000, -20, 440)));

        AudioInput.SpeechStopped stop = assertInstanceOf(AudioInput.SpeechStopped.class, turns.get(1));
        assertEquals(1000 * Pcm24k.BYTES_PER_MS, stop.utterance().length);
        assertInstanceOf(AudioInput.SpeechStarted.class, turns.get(2), "the loud audio goes on as a new turn");
    }

    @Test
    void manualModeRefusesAudioBeyondTheLimitAndKeepsWhatItHas() {
        AudioInput input = new AudioInput(null, 1000);
        input.append(silence(900));

        RequestException e = assertThrows(RequestException.class, () -> input.append(silence(200)));

        assertEquals("input_audio_buffer_full", e.code());
        assertEquals(900 * Pcm24k.BYTES_PER_MS, input.bufferedBytes());
        assertEquals(900 * Pcm24k.BYTES_PER_MS, input.takeAll().length);
        assertEquals(0, input.bufferedBytes());
    }

    @Test
    void changingOnlyTheResponseFlagsKeepsTheTurnGoing() {
        AudioInput input = new AudioInput(DEFAULT_VAD, 120_000);
        appendInChunks(input, concat(silence(500), tone(300, -20, 440)));

        input.reconfigure(new TurnDetection(0.5, 300, 500, false, false));

        assertTrue(input.inTurn());
        input.reconfigure(new TurnDetection(0.5, 300, 800, false, false));
        assertFalse(input.inTurn(), "a new silence duration restarts the detector");
    }
}
