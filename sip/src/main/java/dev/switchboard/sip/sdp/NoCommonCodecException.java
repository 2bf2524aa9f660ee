package dev.switchboard.sip.sdp;

/**
 * A well-formed session description that offers (or answers) nothing we can use: no supported audio codec, only
 * SRTP, or a rejected audio stream. The SIP layer turns this into 488 Not Acceptable Here with a Warning header
 * (RFC 3261 §13.3.1.1, warn-code 304/305); the message names what was offered and what we support.
 */
public final class NoCommonCodecException extends SdpException {

    public NoCommonCodecException(String message) {
        super(message);
    }
}
