package dev.switchboard.media.codec;

import static dev.switchboard.media.codec.G722TestAudio.decode;
import static dev.switchboard.media.codec.G722TestAudio.encode;
import static dev.switchboard.media.codec.G722TestAudio.fixture;
import static dev.switchboard.media.codec.G722TestAudio.pcmFixture;
import static dev.switchboard.media.codec.G722TestAudio.snrDb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interoperability with FFmpeg's G.722 codec, a peer we did not write, on fixtures it made (see
 * {@code g722/README.txt} beside the fixtures for the exact commands and versions).
 */
class G722InteropTest {

    @ParameterizedTest
    @ValueSource(strings = {"speech", "sweep", "noise"})
    void encoderProducesFfmpegsBytesExactly(String name) {
        byte[] expected = fixture(name + ".ffmpeg.g722");

        byte[] encoded = encode(pcmFixture(name + ".pcm"));

        assertEquals(expected.length, encoded.length);
        assertEquals(-1, Arrays.mismatch(expected, encoded), "first byte that differs from ffmpeg's");
    }

    @ParameterizedTest
    @ValueSource(strings = {"speech", "sweep", "noise", "loud"})
    void decoderProducesFfmpegsSamplesExactly(String name) {
        short[] expected = pcmFixture(name + ".ffmpeg-decoded.pcm");

        short[] decoded = decode(fixture(name + ".ffmpeg.g722"));

        assertEquals(expected.length, decoded.length);
        assertEquals(-1, Arrays.mismatch(expected, decoded), "first sample that differs from ffmpeg's");
    }

    /**
     * The ITU-T reference limits the transmit QMF's sub-band outputs to 15 bits (LIMIT, as on every sub-band
     * signal); ffmpeg's encoder does not, and no ffmpeg option changes that. The two agree until a sub-band sample
     * first leaves [-16384, 16383], which only clipping-level input does. This shows that the limit is the whole
     * difference: feeding our band encoders the unlimited split reproduces ffmpeg's bytes exactly. The streams
     * then differ, but both are valid G.722 and decode to nearly the same audio.
     */
    @Test
    void loudInputDiffersFromFfmpegOnlyByTheTransmitQmfLimit() {
        short[] input = pcmFixture("loud.pcm");
        byte[] ffmpeg = fixture("loud.ffmpeg.g722");
        int[][] unlimited = unlimitedSplit(input);
        int firstOverRange = firstOverRangePair(unlimited);

        byte[] ours = encode(input);

        assertTrue(firstOverRange > 0 && firstOverRange < ffmpeg.length, "fixture must reach the limit");
        int firstDifference = Arrays.mismatch(ffmpeg, ours);
        assertTrue(firstDifference >= firstOverRange,
                "differs at byte " + firstDifference + " before the limit acts at " + firstOverRange);
        assertArrayEquals(ffmpeg, encodeBands(unlimited));

        short[] oursDecoded = decode(ours);
        short[] ffmpegDecoded = decode(ffmpeg);
        assertTrue(snrDb(ffmpegDecoded, oursDecoded, 0, 0) >= 30, "decoded streams agree to 30 dB");
        double oursSnr = snrDb(input, oursDecoded, G722TestAudio.CODEC_DELAY, 0);
        double ffmpegSnr = snrDb(input, ffmpegDecoded, G722TestAudio.CODEC_DELAY, 0);
        assertTrue(Math.abs(oursSnr - ffmpegSnr) < 0.5, "SNR ours " + oursSnr + " dB, ffmpeg's " + ffmpegSnr);
    }

    /** The transmit QMF of G.722 written out directly, without the final LIMIT: {lower, higher} per pair. */
    private static int[][] unlimitedSplit(short[] input) {
        int[][] bands = new int[input.length / 2][];
        for (int pair = 0; pair < bands.length; pair++) {
            int newest = 2 * pair + 1;
            long even = 0;
            long odd = 0;
            for (int i = 0; i < 12; i++) {
                even += G722Tables.QMF[2 * i] * sampleAt(input, newest - 2 * i);
                odd += G722Tables.QMF[2 * i + 1] * sampleAt(input, newest - 2 * i - 1);
            }
            bands[pair] = new int[] {(int) ((even + odd) >> 14), (int) ((even - odd) >> 14)};
        }
        return bands;
    }

    private static int sampleAt(short[] input, int index) {
        return index < 0 ? 0 : input[index];
    }

    private static int firstOverRangePair(int[][] bands) {
        for (int pair = 0; pair < bands.length; pair++) {
            for (int sample : bands[pair]) {
                if (sample < -16_384 || sample > 16_383) {
                    return pair;
                }
            }
        }
        return -1;
    }

    private static byte[] encodeBands(int[][] bands) {
        G722LowerBand lower = new G722LowerBand();
        G722HigherBand higher = new G722HigherBand();
        byte[] codes = new byte[bands.length];
        for (int pair = 0; pair < bands.length; pair++) {
            codes[pair] = (byte) (higher.encode(bands[pair][1]) << 6 | lower.encode(bands[pair][0]));
        }
        return codes;
    }
}
