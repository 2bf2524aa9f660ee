package dev.switchboard.media.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link G711} against quantisation tables rebuilt here from G.711's description of each law
 * (segment end points and step sizes, G.711 Tables 1 and 2), independently of the arithmetic in the codec.
 */
class G711Test {

    /** One quantisation interval: magnitudes from {@code lowerDecision} up to the next interval's lower decision. */
    private record Interval(int lowerDecision, int reconstruction) {
    }

    /** A law as G.711 tabulates it: 128 magnitude intervals, the bits quantised, and the character format. */
    private record Law(G711 codec, List<Interval> intervals, int quantisedBits) {

        /** 16-bit input is truncated to the law's most significant bits; negatives use the one's complement. */
        int expectedCode(int linear) {
            int magnitude = (linear < 0 ? ~linear : linear) >> (16 - quantisedBits);
            int index = 0;
            while (index + 1 < intervals.size() && intervals.get(index + 1).lowerDecision() <= magnitude) {
                index++;
            }
            return character(linear >= 0, index);
        }

        int expectedLinear(int code) {
            for (int index = 0; index < intervals.size(); index++) {
                for (boolean positive : new boolean[] {true, false}) {
                    if (character(positive, index) == code) {
                        int value = intervals.get(index).reconstruction() << (16 - quantisedBits);
                        return positive ? value : -value;
                    }
                }
            }
            throw new AssertionError("no interval yields character " + code);
        }

        /** Polarity bit 1 = positive; μ-law inverts bits 2..8, A-law inverts the even bits (G.711 Tables 1 and 2). */
        int character(boolean positive, int index) {
            int polarity = positive ? 0x80 : 0x00;
            return codec == G711.MU_LAW ? polarity | (index ^ 0x7F) : (polarity | index) ^ 0x55;
        }
    }

    /** μ-law, 13-bit magnitudes: segment ends 31, 95, ..., 8159, steps 2, 4, ..., 256 (G.711 Table 2). */
    private static final Law MU_LAW = new Law(G711.MU_LAW,
            intervals(new int[] {31, 95, 223, 479, 991, 2015, 4063, 8159}, new int[] {2, 4, 8, 16, 32, 64, 128, 256}),
            14);
    /** A-law, 12-bit magnitudes: segment ends 32, 64, ..., 4096, steps 2, 2, 4, ..., 128 (G.711 Table 1). */
    private static final Law A_LAW = new Law(G711.A_LAW,
            intervals(new int[] {32, 64, 128, 256, 512, 1024, 2048, 4096}, new int[] {2, 2, 4, 8, 16, 32, 64, 128}),
            13);

    private static List<Interval> intervals(int[] segmentEnds, int[] steps) {
        List<Interval> intervals = new ArrayList<>();
        for (int segment = 0; segment < segmentEnds.length; segment++) {
            for (int k = 0; k < 16; k++) {
                int lower = segmentEnds[segment] - (16 - k) * steps[segment];
                if (lower < 0) {
                    // μ-law's first interval is the half-step [0, 1), reconstructed as exactly 0.
                    intervals.add(new Interval(0, 0));
                } else {
                    intervals.add(new Interval(lower, lower + steps[segment] / 2));
                }
            }
        }
        return intervals;
    }

    @Test
    void everyCodeDecodesToTheTabulatedReconstructionValue() {
        for (Law law : List.of(MU_LAW, A_LAW)) {
            for (int code = 0; code < 256; code++) {
                assertEquals(law.expectedLinear(code), law.codec().decode((byte) code), law.codec() + " code " + code);
            }
        }
    }

    @Test
    void every16BitSampleEncodesToTheIntervalFoundByDecisionLevels() {
        for (Law law : List.of(MU_LAW, A_LAW)) {
            for (int linear = Short.MIN_VALUE; linear <= Short.MAX_VALUE; linear++) {
                assertEquals(law.expectedCode(linear), law.codec().encode((short) linear) & 0xFF,
                        law.codec() + " sample " + linear);
            }
        }
    }

    @Test
    void tablesMatchTheStandardsAnchorValues() {
        assertEquals(8031, MU_LAW.intervals().get(127).reconstruction());
        assertEquals(4032, A_LAW.intervals().get(127).reconstruction());
        assertEquals(-32124, G711.MU_LAW.decode((byte) 0x00));
        assertEquals(32124, G711.MU_LAW.decode((byte) 0x80));
        assertEquals(0, G711.MU_LAW.decode((byte) 0x7F));
        assertEquals(-8, G711.A_LAW.decode((byte) 0x55));
        assertEquals(8, G711.A_LAW.decode((byte) 0xD5));
        assertEquals(-32256, G711.A_LAW.decode((byte) 0x2A));
        assertEquals(32256, G711.A_LAW.decode((byte) 0xAA));
    }

    @Test
    void negativeSamplesUseTheOnesComplementNotTheNegation() {
        // -4 → ~(-4) = 3 → 14-bit magnitude 0 (negative zero); negating would give magnitude 1 (0x7E).
        assertEquals((byte) 0x7F, G711.MU_LAW.encode((short) -4));
        assertEquals((byte) 0x7E, G711.MU_LAW.encode((short) -5));
        // -16 → ~(-16) = 15 → 13-bit magnitude 1, still step 0; negating would give magnitude 2 (0x54).
        assertEquals((byte) 0x55, G711.A_LAW.encode((short) -16));
        assertEquals((byte) 0x54, G711.A_LAW.encode((short) -17));
        assertEquals((byte) 0x80, G711.MU_LAW.encode(Short.MAX_VALUE));
        assertEquals((byte) 0x00, G711.MU_LAW.encode(Short.MIN_VALUE));
        assertEquals((byte) 0xAA, G711.A_LAW.encode(Short.MAX_VALUE));
        assertEquals((byte) 0x2A, G711.A_LAW.encode(Short.MIN_VALUE));
    }

    @Test
    void reencodingADecodedCodeGivesItBackExceptMuLawNegativeZero() {
        for (G711 law : G711.values()) {
            List<Integer> changed = new ArrayList<>();
            for (int code = 0; code < 256; code++) {
                if ((law.encode(law.decode((byte) code)) & 0xFF) != code) {
                    changed.add(code);
                }
            }
            assertEquals(law == G711.MU_LAW ? List.of(0x7F) : List.of(), changed, law.name());
        }
        // Negative zero decodes to 0, which is positive zero.
        assertEquals((byte) 0xFF, G711.MU_LAW.encode(G711.MU_LAW.decode((byte) 0x7F)));
    }

    @Test
    void silenceIsPositiveZeroForMuLawAndTheSmallestPositiveLevelForALaw() {
        assertEquals((byte) 0xFF, G711.MU_LAW.silence());
        assertEquals(0, G711.MU_LAW.decode(G711.MU_LAW.silence()));
        assertEquals((byte) 0xD5, G711.A_LAW.silence());
        assertEquals(8, G711.A_LAW.decode(G711.A_LAW.silence()));
    }

    @Test
    void blockCodingEqualsSampleBySampleCoding() {
        short[] pcm = new short[65536 + 3];
        for (int i = 0; i < 65536; i++) {
            pcm[i + 3] = (short) (i + Short.MIN_VALUE);
        }
        byte[] codes = new byte[256 + 5];
        for (int i = 0; i < 256; i++) {
            codes[i + 5] = (byte) i;
        }
        for (G711 law : G711.values()) {
            byte[] encoded = new byte[65536 + 7];
            law.encode(pcm, 3, 65536, encoded, 7);
            short[] decoded = new short[256 + 2];
            law.decode(codes, 5, 256, decoded, 2);
            for (int i = 0; i < 65536; i++) {
                assertEquals(law.encode(pcm[i + 3]), encoded[i + 7], law + " sample " + pcm[i + 3]);
            }
            for (int i = 0; i < 256; i++) {
                assertEquals(law.decode((byte) i), decoded[i + 2], law + " code " + i);
            }
        }
    }

    @Test
    void blockCodingRejectsRangesOutsideTheArraysWithoutWriting() {
        short[] pcm = new short[160];
        byte[] tooShort = new byte[159];
        assertThrows(IndexOutOfBoundsException.class, () -> G711.MU_LAW.encode(pcm, 0, 160, tooShort, 0));
        assertArrayEquals(new byte[159], tooShort);
        short[] out = new short[10];
        assertThrows(IndexOutOfBoundsException.class, () -> G711.A_LAW.decode(new byte[10], 5, 6, out, 0));
        assertArrayEquals(new short[10], out);
    }

    @Test
    void rtpPayloadTypesAndSdpNamesFollowRfc3551() {
        assertEquals(Optional.of(G711.MU_LAW), G711.forRtpPayloadType(0));
        assertEquals(Optional.of(G711.A_LAW), G711.forRtpPayloadType(8));
        assertEquals(Optional.empty(), G711.forRtpPayloadType(3));
        assertEquals(Optional.empty(), G711.forRtpPayloadType(-1));
        assertEquals(0, G711.MU_LAW.rtpPayloadType());
        assertEquals(8, G711.A_LAW.rtpPayloadType());
        assertEquals("PCMU", G711.MU_LAW.sdpName());
        assertEquals("PCMA", G711.A_LAW.sdpName());
    }
}
