package dev.switchboard.media.codec;

import static dev.switchboard.media.codec.G722TestAudio.decode;
import static dev.switchboard.media.codec.G722TestAudio.encode;
import static dev.switchboard.media.codec.G722TestAudio.fixture;
import static dev.switchboard.media.codec.G722TestAudio.pcmFixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** State across calls: chunking, frames, reset and rejected ranges. */
class G722StreamingTest {

    @Test
    void anyChunkingOfTheInputEncodesToTheSameBytes() {
        short[] speech = pcmFixture("speech.pcm");
        byte[] whole = encode(speech);
        SplittableRandom random = new SplittableRandom(722);

        for (int round = 0; round < 20; round++) {
            G722Encoder encoder = new G722Encoder();
            byte[] chunked = new byte[whole.length];
            int written = 0;
            for (int at = 0; at < speech.length; ) {
                int length = Math.min(random.nextInt(0, 700), speech.length - at);
                written += encoder.encode(speech, at, length, chunked, written);
                at += length;
            }
            assertEquals(whole.length, written);
            assertArrayEquals(whole, chunked, "round " + round);
        }
    }

    @Test
    void anyChunkingOfTheBytesDecodesToTheSameSamples() {
        byte[] codes = fixture("speech.ffmpeg.g722");
        short[] whole = decode(codes);
        SplittableRandom random = new SplittableRandom(9);

        for (int round = 0; round < 20; round++) {
            G722Decoder decoder = new G722Decoder();
            short[] chunked = new short[whole.length];
            int written = 0;
            for (int at = 0; at < codes.length; ) {
                int length = Math.min(random.nextInt(0, 300), codes.length - at);
                written += decoder.decode(codes, at, length, chunked, written);
                at += length;
            }
            assertEquals(whole.length, written);
            assertArrayEquals(whole, chunked, "round " + round);
        }
    }

    @Test
    void twentyMillisecondsIs320SamplesAnd160BytesOnPayloadType9() {
        short[] frame = Arrays.copyOf(pcmFixture("speech.pcm"), 320);
        byte[] payload = new byte[160];

        assertEquals(160, new G722Encoder().encode(frame, 0, frame.length, payload, 0));
        assertEquals(320, new G722Decoder().decode(payload, 0, payload.length, new short[320], 0));
        assertEquals(9, G722.RTP_PAYLOAD_TYPE);
        assertEquals(8_000, G722.RTP_CLOCK_RATE);
        assertEquals(16_000, G722.SAMPLE_RATE);
    }

    @Test
    void oddLengthCallsHoldTheLastSampleForTheNextCall() {
        short[] speech = pcmFixture("speech.pcm");
        G722Encoder encoder = new G722Encoder();
        byte[] out = new byte[encoder.maxEncodedLength(3)];

        assertEquals(2, encoder.maxEncodedLength(3));
        assertEquals(1, encoder.encode(speech, 0, 3, out, 0));
        assertEquals(2, encoder.encode(speech, 3, 3, out, 0));
        assertEquals(0, encoder.encode(speech, 6, 1, out, 0));
        assertEquals(0, encoder.encode(speech, 7, 0, out, 0));
        assertEquals(1, encoder.encode(speech, 7, 1, out, 0));
        assertEquals(encode(Arrays.copyOf(speech, 8))[3], out[0]);
    }

    @Test
    void resetStartsOverFromTheInitialState() {
        short[] speech = pcmFixture("speech.pcm");
        byte[] codes = encode(speech);
        G722Encoder encoder = new G722Encoder();
        G722Decoder decoder = new G722Decoder();
        byte[] again = new byte[codes.length];
        short[] decoded = new short[speech.length];
        encoder.encode(speech, 0, 1001, again, 0);
        decoder.decode(codes, 0, 999, decoded, 0);

        encoder.reset();
        decoder.reset();

        encoder.encode(speech, 0, speech.length, again, 0);
        decoder.decode(codes, 0, codes.length, decoded, 0);
        assertArrayEquals(codes, again);
        assertArrayEquals(decode(codes), decoded);
    }

    @Test
    void rangesOutsideTheArraysAreRejectedWithoutConsumingInput() {
        short[] speech = pcmFixture("speech.pcm");
        G722Encoder encoder = new G722Encoder();
        G722Decoder decoder = new G722Decoder();
        byte[] codes = new byte[4];
        short[] samples = new short[8];

        encoder.encode(speech, 0, 1, codes, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> encoder.encode(speech, 1, 9, codes, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> encoder.encode(speech, -1, 2, codes, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> decoder.decode(codes, 0, 5, samples, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> decoder.decode(codes, 0, 4, samples, 1));
        assertThrows(IllegalArgumentException.class, () -> encoder.maxEncodedLength(-1));

        assertEquals(4, encoder.encode(speech, 1, 7, codes, 0));
        assertArrayEquals(Arrays.copyOf(encode(speech), 4), codes);
        assertEquals(8, decoder.decode(codes, 0, 4, samples, 0));
        assertArrayEquals(Arrays.copyOf(decode(codes), 8), samples);
    }
}
