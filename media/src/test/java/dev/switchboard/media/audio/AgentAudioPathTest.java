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

class AgentAudioPathTest {

    private static final double AMPLITUDE = 10_000;
    /** 20 ms at 24 kHz, 16-bit. */
    private static final int CHUNK_24K = 960;
    /** 20 ms at 8 kHz. */
    private static final int FRAME = 160;

    @Test
    void twentyMillisecondsAt24kHzBecomeOneFrameOnEveryCall() {
        AgentAudioPath path = new AgentAudioPath(MediaFormat.PCM16_24K);
        byte[] tone = Pcm16.toBytes(TestAudio.sine(24_000, 1_000, AMPLITUDE, 5 * CHUNK_24K / 2), 5 * CHUNK_24K / 2);

        for (int chunk = 0; chunk < 5; chunk++) {
            assertEquals(FRAME, path.convert(Arrays.copyOfRange(tone, chunk * CHUNK_24K, (chunk + 1) * CHUNK_24K))
                    .length, "chunk " + chunk);
        }
    }

    /**
     * The low-pass delays the voice by {@link Resampler#delay()} output samples: the first call's first samples are
     * (nearly) silent, and from then on output sample n is input instant n − delay.
     */
    @Test
    void theFirstCallCarriesTheFilterDelayAndThenTheOutputFollowsTheInput() {
        AgentAudioPath path = new AgentAudioPath(MediaFormat.PCM16_24K);
        int delay = Resampler.create(24_000, 8_000).delay();
        short[] input = TestAudio.sine(24_000, 1_000, AMPLITUDE, 10 * CHUNK_24K / 2);
        short[] output = new short[10 * FRAME];
        for (int chunk = 0; chunk < 10; chunk++) {
            short[] frame = path.convert(Pcm16.toBytes(
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
        AgentAudioPath path = new AgentAudioPath(new MediaFormat(Encoding.PCM16_LE, rate));

        assertEquals(FRAME, path.convert(new byte[bytesPer20ms]).length);
        assertEquals(FRAME, path.convert(new byte[bytesPer20ms]).length);
    }

    @Test
    void aSampleSplitAcrossTwoChunksIsKeptWhole() {
        short[] samples = TestAudio.sine(8_000, 700, 20_000, FRAME);
        byte[] bytes = Pcm16.toBytes(samples, samples.length);
        AgentAudioPath path = new AgentAudioPath(new MediaFormat(Encoding.PCM16_LE, 8_000));

        short[] first = path.convert(Arrays.copyOfRange(bytes, 0, 101));
        short[] second = path.convert(Arrays.copyOfRange(bytes, 101, bytes.length));

        short[] joined = new short[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        assertArrayEquals(samples, joined, "the odd byte waits for its partner instead of shifting the stream");
    }

    @Test
    void pcmAt8kHzIsOnlyReordered() {
        short[] samples = TestAudio.sine(8_000, 700, 20_000, FRAME);

        short[] out = new AgentAudioPath(new MediaFormat(Encoding.PCM16_LE, 8_000))
                .convert(Pcm16.toBytes(samples, samples.length));

        assertArrayEquals(samples, out);
    }

    @Test
    void muLawAgentAudioIsDecodedWithTheMuLawTable() {
        byte[] codes = everyCode();

        short[] out = new AgentAudioPath(new MediaFormat(Encoding.PCMU, 8_000)).convert(codes);

        assertArrayEquals(TestAudio.decode(G711.MU_LAW, codes), out);
    }

    @Test
    void aLawAgentAudioIsDecodedWithTheALawTable() {
        byte[] codes = everyCode();

        short[] out = new AgentAudioPath(new MediaFormat(Encoding.PCMA, 8_000)).convert(codes);

        assertArrayEquals(TestAudio.decode(G711.A_LAW, codes), out);
        assertFalse(Arrays.equals(out, TestAudio.decode(G711.MU_LAW, codes)));
    }

    @Test
    void anOddTrailingByteIsIgnored() {
        byte[] even = Pcm16.toBytes(TestAudio.sine(24_000, 1_000, AMPLITUDE, CHUNK_24K / 2), CHUNK_24K / 2);
        byte[] odd = Arrays.copyOf(even, even.length + 1);
        odd[even.length] = 0x7F;

        assertArrayEquals(new AgentAudioPath(MediaFormat.PCM16_24K).convert(even),
                new AgentAudioPath(MediaFormat.PCM16_24K).convert(odd));
    }

    @Test
    void everyCallReturnsAFreshArray() {
        AgentAudioPath path = new AgentAudioPath(new MediaFormat(Encoding.PCM16_LE, 8_000));
        short[] first = path.convert(new byte[] {1, 0, 2, 0});
        short[] second = path.convert(new byte[] {1, 0, 2, 0});

        assertNotSame(first, second);
        first[0] = 99;
        assertEquals(1, second[0]);
    }

    @Test
    void withoutResetTheToneRingsOnIntoTheNextChunk() {
        AgentAudioPath path = new AgentAudioPath(MediaFormat.PCM16_24K);
        path.convert(toneChunk());

        short[] after = path.convert(new byte[CHUNK_24K]);

        assertTrue(TestAudio.peak(after, 0, after.length) > AMPLITUDE / 2,
                "the delayed end of the tone comes out of the next chunk");
    }

    @Test
    void resetForgetsTheCutOffAudio() {
        AgentAudioPath path = new AgentAudioPath(MediaFormat.PCM16_24K);
        path.convert(toneChunk());
        path.reset();

        assertArrayEquals(new short[FRAME], path.convert(new byte[CHUNK_24K]));
    }

    @Test
    void afterResetThePathBehavesLikeANewOne() {
        AgentAudioPath used = new AgentAudioPath(MediaFormat.PCM16_24K);
        used.convert(toneChunk());
        used.convert(Arrays.copyOf(toneChunk(), 322));
        used.reset();

        assertArrayEquals(new AgentAudioPath(MediaFormat.PCM16_24K).convert(toneChunk()), used.convert(toneChunk()));
    }

    @Test
    void resetOfAG711PathIsHarmless() {
        AgentAudioPath path = new AgentAudioPath(new MediaFormat(Encoding.PCMU, 8_000));
        path.reset();

        assertArrayEquals(TestAudio.decode(G711.MU_LAW, everyCode()), path.convert(everyCode()));
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
