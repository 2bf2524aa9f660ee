package dev.switchboard.media.rtcp;

import java.util.List;

/**
 * An SR (RFC 3550 §6.4.1): the sender's clocks and counters, then reports on the streams it receives.
 *
 * <pre>
 * |V=2|P|    RC   |   PT=SR=200   |             length            |
 * |                         SSRC of sender                        |
 * |              NTP timestamp, most significant word             |
 * |             NTP timestamp, least significant word             |
 * |                         RTP timestamp                         |
 * |                     sender's packet count                     |
 * |                      sender's octet count                     |
 * |                 report blocks (RC × 24 bytes)                 |
 * </pre>
 *
 * @param ssrc          the sender
 * @param ntpTimestamp  the wall-clock time the report was sent, 64-bit NTP (seconds since 1900 in the high word,
 *                      fraction in the low), as Java's signed long holding the same bits; see {@link NtpClock}
 * @param rtpTimestamp  the same instant on the sender's RTP clock, which lets a receiver line our audio up with wall-clock time (lip sync)
 * @param packetCount   RTP packets sent since the stream began, modulo 2^32
 * @param octetCount    RTP payload octets sent (no headers, no padding) since the stream began, modulo 2^32
 * @param reports       up to 31 reception report blocks
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
        List<ReportBlock> reports) implements RtcpPacket {

    public SenderReport {
        if (!Fields.isUnsigned32(ssrc) || !Fields.isUnsigned32(rtpTimestamp)
                || !Fields.isUnsigned32(packetCount) || !Fields.isUnsigned32(octetCount)) {
            throw new IllegalArgumentException("sender report field out of unsigned 32-bit range: " + ssrc + ", "
                    + rtpTimestamp + ", " + packetCount + ", " + octetCount);
        }
        reports = Fields.checkCount(reports);
    }

    @Override
    public int packetType() {
        return SR;
    }
}
