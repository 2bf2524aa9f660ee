package dev.switchboard.sip.admin;

import java.util.List;

/**
 * What the admin API can see of the running server; implemented by the composition root so this package does
 * not reach into calls or media directly.
 */
public interface AdminView {

    /** One line per live call. */
    List<CallSummary> calls();

    /** Prometheus text exposition of the server's gauges and counters. */
    String metrics();

    /** Hangs up a call; returns {@code false} when no call has that id. */
    boolean hangUp(String callId);

    record CallSummary(String callId, String phase, String agent, long durationMillis) {}
}
