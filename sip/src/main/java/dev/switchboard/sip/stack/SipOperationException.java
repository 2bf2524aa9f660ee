package dev.switchboard.sip.stack;

/**
 * A SIP operation failed: the one unchecked exception that leaves this package, wrapping JAIN-SIP's checked
 * {@code ParseException}, {@code InvalidArgumentException} and {@code SipException}.
 */
public final class SipOperationException extends RuntimeException {

    public SipOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
