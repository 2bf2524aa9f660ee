package dev.switchboard.media.rtcp;

/**
 * A datagram is not a valid compound RTCP packet (RFC 3550 §6.1, Appendix A.2). The message says which packet of
 * the compound and what was wrong with it. Thrown for bad input only, so it is checked and carries no stack trace:
 * a peer can send garbage at any rate, and the caller counts it and moves on.
 */
public final class RtcpFormatException extends Exception {

    public RtcpFormatException(String message) {
        super(message, null, false, false);
    }
}
