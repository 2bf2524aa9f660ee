package dev.switchboard.media.rtcp;

import java.util.List;
import java.util.Objects;

/**
 * A BYE (RFC 3550 §6.6): the listed sources are leaving the session.
 *
 * @param ssrcs  up to 31 sources
 * @param reason why they leave, UTF-8 and at most 255 bytes on the wire; empty when none was given
 */
public record Goodbye(List<Long> ssrcs, String reason) implements RtcpPacket {

    public Goodbye {
        ssrcs = Fields.checkCount(ssrcs);
        for (long ssrc : ssrcs) {
            if (!Fields.isUnsigned32(ssrc)) {
                throw new IllegalArgumentException("SSRC " + ssrc + " out of unsigned 32-bit range");
            }
        }
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public int packetType() {
        return BYE;
    }
}
