package dev.switchboard.sip.call;

import java.util.concurrent.CompletableFuture;

/**
 * What the built-in tools may do to a live call. Safe to call from any thread (tools run on virtual threads);
 * the work happens on the call's event loop.
 */
public interface CallControl {

    /** Hangs up with BYE once the agent has finished speaking (its response is over and its audio played). */
    void hangUpAfterSpeech(String reason);

    /** Blind-transfers the caller to {@code target} (a SIP or tel URI) with REFER. */
    CompletableFuture<TransferOutcome> transfer(String target);

    /**
     * Sends DTMF digits to the caller as RFC 4733 events; completes when the last one is out, or exceptionally
     * when the call has no telephone-event payload type.
     */
    CompletableFuture<Void> sendDtmf(String digits);

    /** How a transfer ended: the caller was handed over, or why not (the trunk's status and reason). */
    record TransferOutcome(boolean transferred, int status, String reason) {}
}
