package dev.switchboard.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The caller speech detector on synthetic 8 kHz signals: white noise at a given level, and "speech" made of a
 * 140 Hz voice with 20 harmonics under a 4 Hz syllable envelope.
 */
class SpeechOnsetDetectorTest {

    private static final int RATE = 8_000;
    /** 20 ms, one RTP packet. */
    private static final int PACKET = 160;
    private static final int MS = RATE / 1000;
    private static final int SPEECH_DBFS = -25;

    private final Random random = new Random(20_240_611);
    private final SpeechOnsetDetector detector = new SpeechOnsetDetector();

    @Test
    void digitalSilenceIsNeverSpeech() {
        assertEquals(List.of(), onsets(new short[10 * RATE], PACKET));
        assertFalse(detector.isSpeaking());
    }

    @Test
    void lineNoiseAtMinus60DbfsIsNeverSpeech() {
        assertEquals(List.of(), onsets(noise(10 * RATE, -60), PACKET));
    }

    @Test
    void eachSpeechBurstIsOneOnsetWithin80Milliseconds() {
        short[] audio = noise(12 * RATE, -60);
        List<Integer> starts = new ArrayList<>();
        for (int burst = 0; burst < 5; burst++) {
            int start = RATE + burst * 2 * RATE + 37 * burst; // not on a frame or packet boundary
            mix(audio, speech(RATE, SPEECH_DBFS), start);
            starts.add(start);
        }

        List<Integer> onsets = onsets(audio, PACKET);

        assertEquals(starts.size(), onsets.size(), "onsets at " + onsets);
        for (int i = 0; i < starts.size(); i++) {
            int latency = onsets.get(i) - starts.get(i);
            // Six loud 10 ms frames, the first of which the burst may fill only partly, then the packet's end.
            assertTrue(latency > 50 * MS && latency <= 80 * MS, "burst " + i + " heard after " + latency / MS + " ms");
        }
    }

    @Test
    void pausesBetweenSyllablesDoNotSplitAnUtterance() {
        short[] audio = noise(4 * RATE, -60);
        for (int syllable = 0; syllable < 5; syllable++) {
            mix(audio, speech(200 * MS, SPEECH_DBFS), RATE / 2 + syllable * 350 * MS);
        }

        assertEquals(1, onsets(audio, PACKET).size());
    }

    @Test
    void speechEndsAfter300MillisecondsBelowTheThreshold() {
        assertEquals(1, onsets(twoBurstsApart(250), PACKET).size(), "250 ms: one utterance");
        assertEquals(2, onsets(twoBurstsApart(350), PACKET).size(), "350 ms: two");
    }

    @Test
    void clicksUpTo40MillisecondsAreIgnored() {
        short[] audio = noise(6 * RATE, -60);
        int[] clickMillis = {5, 10, 20, 30, 40, 40, 40, 40};
        for (int i = 0; i < clickMillis.length; i++) {
            mix(audio, noise(clickMillis[i] * MS, -6), RATE / 2 + i * RATE / 2 + 13 * i);
        }

        assertEquals(List.of(), onsets(audio, PACKET));
    }

    @Test
    void speechQuieterThanTheAbsoluteThresholdIsNotHeardEvenOnASilentLine() {
        short[] audio = new short[3 * RATE];
        mix(audio, speech(RATE, -50), RATE);

        assertEquals(List.of(), onsets(audio, PACKET));
    }

    /**
     * A background far above the absolute threshold reads as one utterance while the floor climbs to it (the
     * documented limitation), then only louder speech on top of it counts.
     */
    @Test
    void aLoudBackgroundIsLearntAndSpeechAboveItIsStillHeard() {
        short[] audio = noise(16 * RATE, -35);
        for (int burst = 0; burst < 3; burst++) {
            mix(audio, speech(RATE, -12), 10 * RATE + 2 * burst * RATE);
        }

        List<Integer> onsets = onsets(audio, PACKET);

        assertTrue(onsets.getFirst() < 100 * MS, "the background's start reads as speech: " + onsets);
        List<Integer> learnt = onsets.stream().filter(at -> at > 100 * MS).toList();
        assertEquals(3, learnt.size(), "one per burst, none from the background: " + onsets);
        for (int burst = 0; burst < 3; burst++) {
            int latency = learnt.get(burst) - (10 * RATE + 2 * burst * RATE);
            assertTrue(latency >= 0 && latency <= 80 * MS, "burst " + burst + " heard after " + latency / MS + " ms");
        }
    }

    @Test
    void theChunkingOfTheAudioDoesNotMoveAnOnsetByMoreThanItsChunk() {
        short[] audio = noise(6 * RATE, -60);
        mix(audio, speech(RATE, SPEECH_DBFS), RATE + 3);
        mix(audio, speech(RATE, SPEECH_DBFS), 3 * RATE + 101);

        List<Integer> bySample = onsets(audio, 1);
        List<Integer> byPacket = onsets(new SpeechOnsetDetector(), audio, PACKET);
        List<Integer> byOddChunks = onsets(new SpeechOnsetDetector(), audio, 37);

        assertEquals(2, bySample.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(roundUp(bySample.get(i), PACKET), byPacket.get(i));
            assertEquals(roundUp(bySample.get(i), 37), byOddChunks.get(i));
        }
    }

    @Test
    void aGapCountsTowardsTheEndOfAnUtterance() {
        detector.accept(speech(500 * MS, SPEECH_DBFS), 0, 500 * MS);
        assertTrue(detector.isSpeaking());

        detector.gap(280 * MS);
        assertTrue(detector.isSpeaking(), "still within the hangover");
        detector.gap(20 * MS);
        assertFalse(detector.isSpeaking());
        short[] again = speech(200 * MS, SPEECH_DBFS);
        assertTrue(detector.accept(again, 0, again.length), "a new utterance");
    }

    @Test
    void aGapLeavesTheLearntBackgroundAlone() {
        short[] background = noise(8 * RATE, -35);
        detector.accept(background, 0, 6 * RATE);
        assertFalse(detector.isSpeaking(), "the background is learnt");

        detector.gap(RATE);

        assertFalse(detector.accept(background, 6 * RATE, 2 * RATE), "the same background after the gap");
    }

    @Test
    void aLoudFrameInterruptingTheHangoverKeepsTheUtteranceGoing() {
        detector.accept(speech(300 * MS, SPEECH_DBFS), 0, 300 * MS);
        detector.gap(200 * MS);
        short[] blip = speech(20 * MS, SPEECH_DBFS);

        assertFalse(detector.accept(blip, 0, blip.length), "not a new onset");
        detector.gap(200 * MS);
        assertTrue(detector.isSpeaking(), "the hangover restarted at the blip");
    }

    private List<Integer> onsets(short[] audio, int chunk) {
        return onsets(detector, audio, chunk);
    }

    /** Feeds {@code audio} in chunks of {@code chunk} samples; returns the end of each chunk that reported an onset. */
    private static List<Integer> onsets(SpeechOnsetDetector detector, short[] audio, int chunk) {
        List<Integer> onsets = new ArrayList<>();
        for (int at = 0; at < audio.length; at += chunk) {
            int length = Math.min(chunk, audio.length - at);
            if (detector.accept(audio, at, length)) {
                onsets.add(at + length);
            }
        }
        return onsets;
    }

    private short[] twoBurstsApart(int pauseMillis) {
        short[] audio = noise(3 * RATE, -60);
        mix(audio, speech(500 * MS, SPEECH_DBFS), RATE / 2);
        mix(audio, speech(500 * MS, SPEECH_DBFS), RATE + pauseMillis * MS);
        return audio;
    }

    /** Gaussian white noise with an RMS level of {@code dbfs}. */
    private short[] noise(int length, double dbfs) {
        double rms = rmsOf(dbfs);
        short[] samples = new short[length];
        for (int n = 0; n < length; n++) {
            samples[n] = clip(random.nextGaussian() * rms);
        }
        return samples;
    }

    /** A voice at 140 Hz with 20 harmonics falling off as 1/k, under a 4 Hz envelope, at an RMS level of {@code dbfs}. */
    private short[] speech(int length, double dbfs) {
        double[] phases = new double[20];
        for (int k = 0; k < phases.length; k++) {
            phases[k] = random.nextDouble() * 2 * Math.PI;
        }
        double[] voice = new double[length];
        double energy = 0;
        for (int n = 0; n < length; n++) {
            double sum = 0;
            for (int k = 1; k <= phases.length; k++) {
                sum += Math.sin(2 * Math.PI * 140 * k * n / RATE + phases[k - 1]) / k;
            }
            voice[n] = sum * (0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * n / RATE));
            energy += voice[n] * voice[n];
        }
        double gain = rmsOf(dbfs) / Math.sqrt(energy / length);
        short[] samples = new short[length];
        for (int n = 0; n < length; n++) {
            samples[n] = clip(voice[n] * gain);
        }
        return samples;
    }

    private static double rmsOf(double dbfs) {
        return 32_768 * Math.pow(10, dbfs / 20);
    }

    private static void mix(short[] into, short[] signal, int at) {
        for (int n = 0; n < signal.length; n++) {
            into[at + n] = clip(into[at + n] + (double) signal[n]);
        }
    }

    private static short clip(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
