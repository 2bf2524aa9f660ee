package dev.switchboard.media.dtmf;

/**
 * One RFC 4733 telephone-event report (§2.3): which event, whether it has ended, how loud and how long so far.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param event    the event code (§2.3.1); 0–15 are the DTMF keys (§3.2), anything else (16 is hook flash) is not
 * @param end      the E bit: the event is over and {@code duration} is final (§2.3.2)
 * @param volume   the tone's power level in dBm0 with the sign dropped, 0–63 (§2.3.4)
 * @param duration how long the event has lasted, in RTP timestamp units from the packet's timestamp (§2.3.5)
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    /** Size of one report; a payload may hold several (§2.5.1.5), of which only the first is read. */
    public static final int BYTES = 4;
    /** The DTMF keys in event-code order (§3.2, table 1). */
    private static final String KEYS = "0123456789*#ABCD";

    public TelephoneEvent {
        if (event < 0 || event > 0xFF || volume < 0 || volume > 0x3F || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException(
                    "telephone-event out of range: event " + event + ", volume " + volume + ", duration " + duration);
        }
    }

    /**
     * Reads the report at the start of a telephone-event payload, or returns {@code null} when the payload is
     * shorter than one report. Further reports in the payload are ignored: packing several events into one packet
     * (§2.5.1.5) is for events that follow each other without a pause, which separate key presses never do.
     * The reserved R bit is ignored, as §2.3.3 asks of receivers.
     */
    public static TelephoneEvent parse(byte[] payload, int offset, int length) {
        if (length < BYTES) {
            return null;
        }
        int flags = payload[offset + 1] & 0xFF;
        int duration = (payload[offset + 2] & 0xFF) << 8 | payload[offset + 3] & 0xFF;
        return new TelephoneEvent(payload[offset] & 0xFF, (flags & 0x80) != 0, flags & 0x3F, duration);
    }

    /** The four bytes of this report, R bit clear (§2.3.3). */
    public byte[] toBytes() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    /** Whether this is a DTMF key (events 0–15); other events, such as hook flash, have no {@link #digit()}. */
    public boolean isDtmf() {
        return event < KEYS.length();
    }

    /**
     * The key: '0'–'9', '*', '#' or 'A'–'D'.
     *
     * @throws IllegalStateException when this is not a DTMF event
     */
    public char digit() {
        if (!isDtmf()) {
            throw new IllegalStateException("telephone-event " + event + " is not a DTMF key");
        }
        return KEYS.charAt(event);
    }

    /**
     * The event code of a DTMF key (§3.2).
     *
     * @throws IllegalArgumentException when {@code key} is not one of 0–9, *, #, A–D
     */
    public static int eventCode(char key) {
        int code = KEYS.indexOf(key);
        if (code < 0) {
            throw new IllegalArgumentException(
                    "'" + key + "' is not a DTMF key (expected 0-9, *, #, A-D)");
        }
        return code;
    }
}
