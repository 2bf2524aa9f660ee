package dev.switchboard.media.dtmf;

/**
 * Turns a stream's telephone-event packets into key presses, each reported exactly once, at the first packet of
 * its event that arrives (RFC 4733 §2.5.2).
 *
 * <p>A sender reports an event many times: an update every packet interval, then the final report three times
 * (§2.5.1.4). All of them carry the RTP timestamp of the event's start (§2.4.1, §2.5.1.2), so the timestamp is
 * what identifies an event:
 * <ul>
 *   <li>a later timestamp than the last event's is a new key press, whether or not the marker bit says so
 *       (§2.4.2): some trunks never set it, and the packet carrying it may be lost. This also reports an event
 *       seen only through its final packets;</li>
 *   <li>the same timestamp is an update or a repeated final report of the event already reported;</li>
 *   <li>an earlier timestamp is a late packet of an earlier event. Timestamps are compared modulo 2<sup>32</sup>
 *       (RFC 3550 §5.1), so a stream crossing the wrap-around is not mistaken for going back in time. A jump
 *       back by more than {@link #LATE_WINDOW} is no late packet but a sender that restarted its clock, and
 *       counts as a new event;</li>
 *   <li>a key held longer than the duration field can count continues in a new segment, timestamped exactly
 *       0xFFFF units after the previous one (§2.5.1.3, §2.5.2.3): the same key press, not another.</li>
 * </ul>
 * A new SSRC is a new stream (RFC 3550 §8), whose timestamps say nothing about the old one's: its first event
 * is new whatever its timestamp.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class DtmfDetector {

    /** A key pressed by the caller, and the RTP timestamp at which its event started. */
    public record KeyPress(char digit, long timestamp) {}

    /** The longest segment of a long event (§2.5.1.3): the duration field's largest value. */
    static final int SEGMENT_UNITS = 0xFFFF;
    /**
     * How far (in timestamp units; 16 s at 8 kHz) behind the last event a packet may be and still count as a
     * late packet of an earlier event. Wider than a segment, so the repeated final reports of a long key press's
     * previous segment are recognised as late.
     */
    static final int LATE_WINDOW = 1 << 17;

    private boolean seenAny;
    private long ssrc;
    private long timestamp;
    private int event;
    private boolean ended;

    /**
     * Takes one telephone-event packet's report and returns the key press it starts, or {@code null} when it
     * starts none: a packet of an event already seen, a late one, or an event that is not a DTMF key.
     *
     * @param ssrc      the packet's SSRC
     * @param timestamp the packet's RTP timestamp: its event's start
     */
    public KeyPress accept(long ssrc, long timestamp, TelephoneEvent report) {
        boolean sameStream = seenAny && ssrc == this.ssrc;
        int ahead = (int) (timestamp - this.timestamp);
        if (sameStream && ahead == 0) {
            ended |= report.end();
            return null;
        }
        if (sameStream && ahead < 0 && ahead > -LATE_WINDOW) {
            return null;
        }
        boolean nextSegment = sameStream && ahead == SEGMENT_UNITS && report.event() == event && !ended;
        seenAny = true;
        this.ssrc = ssrc;
        this.timestamp = timestamp;
        this.event = report.event();
        this.ended = report.end();
        if (nextSegment || !report.isDtmf()) {
            return null;
        }
        return new KeyPress(report.digit(), timestamp);
    }
}
