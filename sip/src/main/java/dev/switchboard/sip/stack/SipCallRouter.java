package dev.switchboard.sip.stack;

import javax.sip.ServerTransaction;

/**
 * Where the dispatcher hands requests that belong to calls. Implementations return quickly: they run on the
 * JAIN-SIP listener thread and only hand work over to the call's event loop.
 *
 * <p>Methods that return {@code boolean} return {@code false} when no call has that Call-ID, and the dispatcher
 * then answers 481 (RFC 3261 §12.2.2).
 */
public interface SipCallRouter {

    /** A dialog-creating INVITE (no To tag). The router answers it, one way or another. */
    void invite(ServerTransaction transaction);

    boolean reInvite(String callId, ServerTransaction transaction);

    /** An ACK; {@code body} is its SDP answer when our 200 carried the offer, else {@code null}. */
    boolean ack(String callId, String body);

    boolean bye(String callId, ServerTransaction transaction);

    boolean cancel(String callId, ServerTransaction transaction);

    boolean info(String callId, ServerTransaction transaction);

    /** A NOTIFY in the call (the progress of a transfer we asked for, RFC 3515 §2.4.5). */
    boolean notify(String callId, ServerTransaction transaction);

    /** Our REFER got its final response ({@code 408} when it timed out). */
    void referAnswered(String callId, int status, String reason);

    /** Our BYE got its final response, or timed out. */
    void byeCompleted(String callId);

    /** The 2xx to the INVITE was retransmitted for 64*T1 without an ACK (RFC 3261 §13.3.1.4). */
    void ackTimedOut(String callId);
}
