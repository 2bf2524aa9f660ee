package dev.switchboard.agent.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeechSynthesizerTest {

    private static final long TIMEOUT_SECONDS = 20;

    private static SpeechSynthesizer speech;

    @BeforeAll
    static void createSynthesizer() {
        speech = new SpeechSynthesizer();
    }

    @AfterAll
    static void closeSynthesizer() {
        speech.close();
    }

    private static byte[] say(String text) throws Exception {
        return speech.synthesize(text).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** RMS of 24 kHz PCM16 little-endian, in dBFS relative to a full-scale square wave. */
    private static double rmsDbfs(byte[] pcm) {
        double sum = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            int sample = (short) (pcm[i + 1] << 8 | pcm[i] & 0xFF);
            sum += (double) sample * sample;
        }
        return 10 * Math.log10(sum / (pcm.length / 2.0) / (32768.0 * 32768.0));
    }

    @Test
    void speaksASentenceAs24kHzPcmOfPlausibleLengthAndLevel() throws Exception {
        byte[] audio = say("Order one two three is shipped.");

        assertEquals(0, audio.length % 2, "whole 16-bit samples");
        long ms = Pcm24k.bytesToMsCeil(audio.length);
        assertTrue(ms >= 800 && ms <= 5000, "a short sentence lasts about two seconds, got " + ms + " ms");
        double level = rmsDbfs(audio);
        assertTrue(level > -40, "speech, not silence: " + level + " dBFS");
    }

    @Test
    void aRepeatedPhraseComesFromTheCacheIdenticalAndFast() throws Exception {
        String text = "Welcome to the order line.";
        byte[] first = say(text);

        long start = System.nanoTime();
        byte[] again = say(text);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertSame(first, again, "the cached audio itself, not a new rendering");
        assertTrue(millis < 50, "a cache hit takes no synthesis, took " + millis + " ms");
    }

    @Test
    void theCacheForgetsTheLeastRecentlyUsedPhraseBeyondItsSize() throws Exception {
        byte[] oldest = say("Phrase zero.");
        byte[] kept = say("Phrase kept.");
        for (int i = 1; i < SpeechSynthesizer.CACHE_ENTRIES; i++) {
            say("Phrase " + i + ".");
            if (i % 16 == 0) {
                assertSame(kept, say("Phrase kept."));
            }
        }

        assertSame(kept, say("Phrase kept."), "recently used, so still cached");
        byte[] rendered = say("Phrase zero.");
        assertNotSame(oldest, rendered, "evicted, so rendered anew");
        assertArrayEquals(oldest, rendered, "FreeTTS renders the same text the same way");
    }

    @Test
    void blankTextIsSilenceAndOverlongTextIsRefused() throws Exception {
        assertEquals(0, say("  ").length);

        CompletableFuture<byte[]> tooLong = speech.synthesize("a".repeat(SpeechSynthesizer.MAX_TEXT_CHARS + 1));
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> tooLong.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, refused.getCause());
    }

    @Test
    void aClosedSynthesizerFailsInsteadOfHanging() {
        SpeechSynthesizer closed = new SpeechSynthesizer();
        closed.close();

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> closed.synthesize("hello").get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
    }
}
