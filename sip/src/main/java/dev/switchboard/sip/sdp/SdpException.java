package dev.switchboard.sip.sdp;

/**
 * An SDP body that cannot be used: malformed (the SIP layer answers 400) or, as the subclass
 * {@link NoCommonCodecException}, well formed but unacceptable (488 Not Acceptable Here, RFC 3261 §21.4.26).
 *
 * <p>The message says precisely what is wrong, with the line number where there is one, and quotes at most a
 * short, sanitised excerpt of the offending input so it can go into a log or a Warning header.
 */
public class SdpException extends RuntimeException {

    public SdpException(String message) {
        super(message);
    }
}
