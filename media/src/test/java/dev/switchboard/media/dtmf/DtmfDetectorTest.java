package dev.switchboard.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.media.dtmf.DtmfDetector.KeyPress;
import org.junit.jupiter.api.Test;

/** Key presses out of telephone-event packets: once each, however the packets arrive (RFC 4733 §2.5.2). */
class DtmfDetectorTest {

    private static final long SSRC = 0x0E05_384EL;
    private static final int FRAME = 160;

    private final DtmfDetector detector = new DtmfDetector();
    /** The keys reported so far, in order. */
    private final StringBuilder keys = new StringBuilder();

    @Test
    void aKeyPressIsReportedAtItsFirstPacketAndOnlyThere() {
        KeyPress first = accept(SSRC, 5_000, report('7', false, 0));
        assertEquals(new KeyPress('7', 5_000), first);

        for (int update = 1; update <= 6; update++) {
            assertNull(accept(SSRC, 5_000, report('7', false, update * FRAME)));
        }
        for (int copy = 0; copy < 3; copy++) {
            assertNull(accept(SSRC, 5_000, report('7', true, 7 * FRAME)), "§2.5.1.4: the final report, thrice");
        }
        assertEquals("7", keys.toString());
    }

    @Test
    void theMarkerBitIsNotNeeded() {
        // The detector never sees the marker: events are told apart by timestamp alone (livekit/sip#585).
        press(SSRC, 10_000, '4');
        press(SSRC, 12_000, '2');

        assertEquals("42", keys.toString());
    }

    @Test
    void repeatedAndDuplicatedEndPacketsGiveOneKey() {
        press(SSRC, 10_000, '9');
        for (int i = 0; i < 5; i++) {
            accept(SSRC, 10_000, report('9', true, 800));
            accept(SSRC, 10_000, report('9', false, 320));
        }

        assertEquals("9", keys.toString());
    }

    @Test
    void anEventSeenOnlyThroughItsEndPacketsIsReportedOnce() {
        for (int copy = 0; copy < 3; copy++) {
            accept(SSRC, 10_000, report('*', true, 800));
        }
        press(SSRC, 12_000, '#');
        for (int copy = 0; copy < 3; copy++) {
            accept(SSRC, 14_000, report('0', true, 800));
        }

        assertEquals("*#0", keys.toString());
    }

    @Test
    void theSameKeyTwiceInARowIsTwoPresses() {
        press(SSRC, 10_000, '5');
        press(SSRC, 11_760, '5');

        assertEquals("55", keys.toString());
    }

    @Test
    void aLatePacketOfAnEarlierEventIsIgnored() {
        press(SSRC, 10_000, '1');
        accept(SSRC, 12_000, report('2', false, 160));

        assertNull(accept(SSRC, 10_000, report('1', true, 800)), "the first event's end, overtaken");
        assertNull(accept(SSRC, 12_000, report('2', false, 320)));
        assertEquals("12", keys.toString());
    }

    @Test
    void timestampsWrapAroundAt2To32() {
        long beforeWrap = 0xFFFF_FF00L;
        press(SSRC, beforeWrap, '3');
        long afterWrap = (beforeWrap + 1_760) & 0xFFFF_FFFFL;
        press(SSRC, afterWrap, '6');

        assertNull(accept(SSRC, beforeWrap, report('3', true, 800)), "still late, across the wrap");
        assertEquals("36", keys.toString());
    }

    @Test
    void aNewSsrcIsANewStreamWhateverItsTimestamps() {
        press(SSRC, 90_000, '8');

        press(0xCAFEL, 90_000, '8');
        press(0xBEEFL, 1_000, 'D');

        assertEquals("88D", keys.toString());
    }

    @Test
    void aClockThatJumpsFarBackIsANewEventNotALatePacket() {
        press(SSRC, 5_000_000, '1');

        press(SSRC, 5_000_000 - DtmfDetector.LATE_WINDOW - 1, '2');

        assertEquals("12", keys.toString());
    }

    @Test
    void eventsThatAreNotKeysAreIgnoredButStillTracked() {
        assertNull(accept(SSRC, 10_000, new TelephoneEvent(16, false, 10, 160)), "hook flash");
        assertNull(accept(SSRC, 10_000, report('1', false, 160)), "same timestamp: the same event");
        press(SSRC, 12_000, 'A');

        assertEquals("A", keys.toString());
    }

    @Test
    void aKeyHeldPastTheDurationFieldIsOnePress() {
        long start = 100_000;
        accept(SSRC, start, report('0', false, 160));
        accept(SSRC, start, report('0', false, DtmfDetector.SEGMENT_UNITS));
        long segment = start + DtmfDetector.SEGMENT_UNITS;

        assertNull(accept(SSRC, segment, report('0', false, 160)), "§2.5.1.3: the next segment, same press");
        assertNull(accept(SSRC, start, report('0', false, DtmfDetector.SEGMENT_UNITS)), "a late copy");
        accept(SSRC, segment, report('0', true, 4_000));
        press(SSRC, segment + 6_000, '0');

        assertEquals("00", keys.toString());
    }

    @Test
    void aSameKeyExactlyOneSegmentLaterAfterAnEndIsANewPress() {
        press(SSRC, 100_000, '0');
        press(SSRC, 100_000 + DtmfDetector.SEGMENT_UNITS, '0');

        assertEquals("00", keys.toString());
    }

    /** A whole key press as a phone sends it: three updates and the final report three times. */
    private void press(long ssrc, long timestamp, char key) {
        for (int update = 1; update <= 3; update++) {
            accept(ssrc, timestamp, report(key, false, update * FRAME));
        }
        for (int copy = 0; copy < 3; copy++) {
            accept(ssrc, timestamp, report(key, true, 4 * FRAME));
        }
    }

    private KeyPress accept(long ssrc, long timestamp, TelephoneEvent report) {
        KeyPress press = detector.accept(ssrc, timestamp, report);
        if (press != null) {
            assertEquals(timestamp, press.timestamp());
            keys.append(press.digit());
        }
        return press;
    }

    private static TelephoneEvent report(char key, boolean end, int duration) {
        return new TelephoneEvent(TelephoneEvent.eventCode(key), end, 10, duration);
    }
}
