package dev.switchboard.media.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.MediaFormat;
import dev.switchboard.media.MediaFormat.Encoding;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.Resampler;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The agent's voice to the call's G.711 codes. Most tests look at the samples before encoding ({@code toSamples}),
 * where resampling is exact enough to compare; the rest at the codes {@code convert} hands the playout buffer.
 */
class AgentAudioPathTest {

    private static final double AMPLITUDE = 10_000;
    /** 20 ms at 24 kHz, 16-bit. */
    private static final int CHUNK_24K = 960;
    /** 20 ms at 8 kHz. */
    private static final int FRAME = 160;

    @Test
    void twentyMillisecondsAt24kHzBecomeOneFrameOnEveryCall() {
        AgentAudioPath path = new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        byte[] tone = Pcm16.toBytes(TestAudio.sine(24_000, 1_000, AMPLITUDE, 5 * CHUNK_24K / 2), 5 * CHUNK_24K / 2);

        for (int chunk = 0; chunk < 5; chunk++) {
            assertEquals(FRAME, path.toSamples(Arrays.copyOfRange(tone, chunk * CHUNK_24K, (chunk + 1) * CHUNK_24K))
                    .length, "chunk " + chunk);
        }
    }

    /**
     * The low-pass delays the voice by {@link Resampler#delay()} output samples: the first call's first samples are
     * (nearly) silent, and from then on output sample n is input instant n − delay.
     */
    @Test
    void theFirstCallCarriesTheFilterDelayAndThenTheOutputFollowsTheInput() {
        AgentAudioPath path = new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        int delay = Resampler.create(24_000, 8_000).delay();
        short[] input = TestAudio.sine(24_000, 1_000, AMPLITUDE, 10 * CHUNK_24K / 2);
        short[] output = new short[10 * FRAME];
        for (int chunk = 0; chunk < 10; chunk++) {
            short[] frame = path.toSamples(Pcm16.toBytes(
                    Arrays.copyOfRange(input, chunk * CHUNK_24K / 2, (chunk + 1) * CHUNK_24K / 2), CHUNK_24K / 2));
            System.arraycopy(frame, 0, output, chunk * FRAME, FRAME);
        }

        assertTrue(delay > 10 && delay < FRAME, "delay " + delay);
        assertTrue(TestAudio.peak(output, 0, delay - 5) < AMPLITUDE / 100,
                "the first " + (delay - 5) + " samples are still the filter's run-in");
        short[] expected = TestAudio.sine(8_000, 1_000, AMPLITUDE, output.length);
        for (int n = 2 * delay; n < output.length; n++) {
            assertEquals(expected[n - delay], output[n], 2, "sample " + n);
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @CsvSource({"16000, 640", "24000, 960", "48000, 1920"})
    void otherPcmRatesAlsoGiveOneFramePer20Milliseconds(int rate, int bytesPer20ms) {
        AgentAudioPath path = new AgentAudioPath(G711.MU_LAW, new MediaFormat(Encoding.PCM16_LE, rate));

        assertEquals(FRAME, path.toSamples(new byte[bytesPer20ms]).length);
        assertEquals(FRAME, path.toSamples(new byte[bytesPer20ms]).length);
    }

    @Test
    void aSampleSplitAcrossTwoChunksIsKeptWhole() {
        short[] samples = TestAudio.sine(8_000, 700, 20_000, FRAME);
        byte[] bytes = Pcm16.toBytes(samples, samples.length);
        AgentAudioPath path = new AgentAudioPath(G711.MU_LAW, new MediaFormat(Encoding.PCM16_LE, 8_000));

        short[] first = path.toSamples(Arrays.copyOfRange(bytes, 0, 101));
        short[] second = path.toSamples(Arrays.copyOfRange(bytes, 101, bytes.length));

        short[] joined = new short[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        assertArrayEquals(samples, joined, "the odd byte waits for its partner instead of shifting the stream");
    }

    @Test
    void pcmAt8kHzIsOnlyReordered() {
        short[] samples = TestAudio.sine(8_000, 700, 20_000, FRAME);

        short[] out = new AgentAudioPath(G711.MU_LAW, new MediaFormat(Encoding.PCM16_LE, 8_000))
                .toSamples(Pcm16.toBytes(samples, samples.length));

        assertArrayEquals(samples, out);
    }

    @Test
    void muLawAgentAudioIsDecodedWithTheMuLawTable() {
        byte[] codes = everyCode();

        short[] out = new AgentAudioPath(G711.A_LAW, new MediaFormat(Encoding.PCMU, 8_000)).toSamples(codes);

        assertArrayEquals(TestAudio.decode(G711.MU_LAW, codes), out);
    }

    @Test
    void aLawAgentAudioIsDecodedWithTheALawTable() {
        byte[] codes = everyCode();

        short[] out = new AgentAudioPath(G711.MU_LAW, new MediaFormat(Encoding.PCMA, 8_000)).toSamples(codes);

        assertArrayEquals(TestAudio.decode(G711.A_LAW, codes), out);
        assertFalse(Arrays.equals(out, TestAudio.decode(G711.MU_LAW, codes)));
    }

    @Test
    void theCallsOwnLawPassesThroughUntouchedEveryCode() {
        for (G711 law : G711.values()) {
            MediaFormat format = new MediaFormat(law == G711.MU_LAW ? Encoding.PCMU : Encoding.PCMA, 8_000);
            byte[] codes = everyCode();

            byte[] out = new AgentAudioPath(law, format).convert(codes);

            assertArrayEquals(everyCode(), out, law + ": not decoded and encoded again");
            assertNotSame(codes, out, "a copy: the provider's array may be reused");
        }
    }

    /** Decoding and re-encoding would turn μ-law's negative zero into positive zero; pass-through must not. */
    @Test
    void muLawNegativeZeroSurvives() {
        byte[] negativeZero = {0x7F, 0x7F};

        assertArrayEquals(negativeZero,
                new AgentAudioPath(G711.MU_LAW, new MediaFormat(Encoding.PCMU, 8_000)).convert(negativeZero));
        assertEquals((byte) 0xFF, G711.MU_LAW.encode(G711.MU_LAW.decode((byte) 0x7F)), "what a transcode would do");
    }

    @Test
    void theOtherLawIsTranscodedCodeByCode() {
        byte[] aLaw = everyCode();

        byte[] muLaw = new AgentAudioPath(G711.MU_LAW, new MediaFormat(Encoding.PCMA, 8_000)).convert(aLaw);

        assertEquals(256, muLaw.length);
        for (int i = 0; i < 256; i++) {
            assertEquals(G711.MU_LAW.encode(G711.A_LAW.decode(aLaw[i])), muLaw[i], "code " + i);
        }
    }

    @Test
    void pcmIsResampledAndEncodedInTheCallsLaw() {
        for (G711 law : G711.values()) {
            AgentAudioPath path = new AgentAudioPath(law, MediaFormat.PCM16_24K);
            AgentAudioPath twin = new AgentAudioPath(law, MediaFormat.PCM16_24K);

            byte[] codes = path.convert(toneChunk());

            assertArrayEquals(TestAudio.encode(law, twin.toSamples(toneChunk())), codes, law.toString());
        }
    }

    @Test
    void anOddTrailingByteIsIgnored() {
        byte[] even = Pcm16.toBytes(TestAudio.sine(24_000, 1_000, AMPLITUDE, CHUNK_24K / 2), CHUNK_24K / 2);
        byte[] odd = Arrays.copyOf(even, even.length + 1);
        odd[even.length] = 0x7F;

        assertArrayEquals(new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K).toSamples(even),
                new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K).toSamples(odd));
    }

    @Test
    void everyCallReturnsAFreshArray() {
        AgentAudioPath path = new AgentAudioPath(G711.MU_LAW, new MediaFormat(Encoding.PCM16_LE, 8_000));
        byte[] first = path.convert(new byte[] {1, 0, 2, 0});
        byte[] second = path.convert(new byte[] {1, 0, 2, 0});

        assertNotSame(first, second);
        first[0] = 99;
        assertEquals(G711.MU_LAW.encode((short) 1), second[0]);
    }

    @Test
    void withoutResetTheToneRingsOnIntoTheNextChunk() {
        AgentAudioPath path = new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        path.toSamples(toneChunk());

        short[] after = path.toSamples(new byte[CHUNK_24K]);

        assertTrue(TestAudio.peak(after, 0, after.length) > AMPLITUDE / 2,
                "the delayed end of the tone comes out of the next chunk");
    }

    @Test
    void resetForgetsTheCutOffAudio() {
        AgentAudioPath path = new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        path.toSamples(toneChunk());
        path.reset();

        assertArrayEquals(new short[FRAME], path.toSamples(new byte[CHUNK_24K]));
    }

    @Test
    void afterResetThePathBehavesLikeANewOne() {
        AgentAudioPath used = new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        used.toSamples(toneChunk());
        used.toSamples(Arrays.copyOf(toneChunk(), 322));
        used.reset();

        assertArrayEquals(new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K).toSamples(toneChunk()),
                used.toSamples(toneChunk()));
    }

    @Test
    void resetOfAG711PathIsHarmless() {
        AgentAudioPath path = new AgentAudioPath(G711.MU_LAW, new MediaFormat(Encoding.PCMU, 8_000));
        path.reset();

        assertArrayEquals(everyCode(), path.convert(everyCode()));
    }

    @Test
    void resetAlsoCleansTheEncodedOutput() {
        AgentAudioPath path = new AgentAudioPath(G711.A_LAW, MediaFormat.PCM16_24K);
        path.convert(toneChunk());
        path.reset();

        byte[] silence = new byte[FRAME];
        Arrays.fill(silence, G711.A_LAW.silence());
        assertArrayEquals(silence, path.convert(new byte[CHUNK_24K]));
    }

    private static byte[] toneChunk() {
        return Pcm16.toBytes(TestAudio.sine(24_000, 1_000, AMPLITUDE, CHUNK_24K / 2), CHUNK_24K / 2);
    }

    private static byte[] everyCode() {
        byte[] codes = new byte[256];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        return codes;
    }
}
