package dev.switchboard.media.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Pcm16Test {

    @Test
    void writesLowByteFirst() {
        byte[] bytes = Pcm16.toBytes(new short[] {0x1234, (short) 0xABCD}, 2);

        assertArrayEquals(new byte[] {0x34, 0x12, (byte) 0xCD, (byte) 0xAB}, bytes);
    }

    @Test
    void writesNegativeSamplesInTwosComplement() {
        byte[] bytes = Pcm16.toBytes(new short[] {-1, -2, Short.MIN_VALUE, Short.MAX_VALUE}, 4);

        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0x80,
                (byte) 0xFF, 0x7F}, bytes);
    }

    @Test
    void writesOnlyTheGivenNumberOfSamples() {
        byte[] bytes = Pcm16.toBytes(new short[] {1, 2, 3}, 2);

        assertArrayEquals(new byte[] {1, 0, 2, 0}, bytes);
        assertEquals(0, Pcm16.toBytes(new short[] {1}, 0).length);
    }

    @Test
    void readsLowByteFirst() {
        short[] samples = Pcm16.toSamples(new byte[] {0x34, 0x12, (byte) 0xCD, (byte) 0xAB});

        assertArrayEquals(new short[] {0x1234, (short) 0xABCD}, samples);
    }

    @Test
    void readsTheExtremesAndMinusOne() {
        short[] samples = Pcm16.toSamples(new byte[] {0x00, (byte) 0x80, (byte) 0xFF, 0x7F, (byte) 0xFF, (byte) 0xFF,
                (byte) 0x80, 0x00});

        assertArrayEquals(new short[] {Short.MIN_VALUE, Short.MAX_VALUE, -1, 128}, samples);
    }

    @Test
    void ignoresAnOddTrailingByte() {
        assertArrayEquals(new short[] {0x0201}, Pcm16.toSamples(new byte[] {1, 2, 3}));
        assertEquals(0, Pcm16.toSamples(new byte[] {7}).length);
        assertEquals(0, Pcm16.toSamples(new byte[0]).length);
    }

    @Test
    void everySixteenBitValueSurvivesARoundTrip() {
        short[] all = new short[1 << 16];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) (Short.MIN_VALUE + i);
        }

        assertArrayEquals(all, Pcm16.toSamples(Pcm16.toBytes(all, all.length)));
    }

    @Test
    void everyBytePairSurvivesARoundTrip() {
        byte[] pairs = new byte[2 << 16];
        for (int i = 0; i < 1 << 16; i++) {
            pairs[2 * i] = (byte) i;
            pairs[2 * i + 1] = (byte) (i >> 8);
        }
        short[] samples = Pcm16.toSamples(pairs);

        assertArrayEquals(pairs, Pcm16.toBytes(samples, samples.length));
    }
}
