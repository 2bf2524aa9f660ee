package dev.switchboard.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 3550 Appendix A.1 sequence extension, and timestamps modulo 2^32. */
class NumberingTest {

    private static final long SSRC = 7;

    private final Numbering numbering = new Numbering(8000);

    @Test
    void theSequenceNumberWrapsIntoTheNextCycle() {
        numbering.begin(SSRC, 65_534, 0, 65_534, 0);
        numbering.map(65_535, 160);
        numbering.map(0, 320);

        assertEquals(65_536, numbering.mappedSequence());
        assertEquals(320, numbering.mappedTimestamp());
    }

    @Test
    void aPacketFromBeforeTheWrapStaysInTheOldCycle() {
        numbering.begin(SSRC, 65_535, 0, 65_535, 0);
        numbering.map(1, 320);
        numbering.map(65_534, (1L << 32) - 160);

        assertEquals(65_534, numbering.mappedSequence());
        assertEquals(-160, numbering.mappedTimestamp());
    }

    @Test
    void theBuffersNumberingIsAShiftOfTheStreams() {
        numbering.begin(SSRC, 40_000, 3_000_000_000L, 1_000_000, 55_555);
        numbering.map(40_001, 3_000_000_160L);

        assertEquals(1_000_001, numbering.mappedSequence());
        assertEquals(55_715, numbering.mappedTimestamp());
    }

    @Test
    void aJumpOfMaxDropoutOrMoreDoesNotFit() {
        numbering.begin(SSRC, 100, 0, 100, 0);

        assertTrue(numbering.fits(SSRC, 100 + Numbering.MAX_DROPOUT - 1, 0));
        assertFalse(numbering.fits(SSRC, 100 + Numbering.MAX_DROPOUT, 0));
    }

    @Test
    void aPacketMoreThanMaxMisorderBehindDoesNotFit() {
        numbering.begin(SSRC, 100, 0, 100, 0);

        assertTrue(numbering.fits(SSRC, 100 - Numbering.MAX_MISORDER + 1, 0));
        assertFalse(numbering.fits(SSRC, 100 - Numbering.MAX_MISORDER, 0));
    }

    @Test
    void aTimestampMoreThanTenSecondsAwayDoesNotFitWhereverTheWrapIs() {
        long near = (1L << 32) - 1000;
        numbering.begin(SSRC, 100, near, 100, near);

        assertTrue(numbering.fits(SSRC, 101, (near + 10 * 8000) & 0xFFFF_FFFFL));
        assertFalse(numbering.fits(SSRC, 101, (near + 10 * 8000 + 1) & 0xFFFF_FFFFL));
        assertFalse(numbering.fits(SSRC, 101, near - 10 * 8000 - 1));
        assertFalse(numbering.fits(SSRC + 1, 101, near), "another SSRC");
    }
}
