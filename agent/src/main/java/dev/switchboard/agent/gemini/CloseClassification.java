package dev.switchboard.agent.gemini;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a failed Gemini connection is worth retrying. Gemini has no JSON error event: every failure is a
 * close code and reason (realtime-protocols §6.8), or an HTTP status when the upgrade itself is refused.
 */
final class CloseClassification {

    /**
     * Close codes a new connection would meet again: a clean close (1000), our own protocol or data errors
     * (1002, 1003), invalid argument / expired key / bad JSON (1007), policy violation or unknown model (1008).
     */
    private static final Set<Integer> FATAL_CODES = Set.of(1000, 1002, 1003, 1007, 1008);
    /** RFC 6455 §7.4.1: internal server error; Gemini also uses it for deadlines and quota. */
    private static final int INTERNAL_ERROR = 1011;
    /** Upgrade refusals that retrying cannot fix: bad request, bad credentials, forbidden, unknown path. */
    private static final Set<Integer> FATAL_STATUSES = Set.of(400, 401, 403, 404);

    private CloseClassification() {}

    /** Whether reconnecting could help after the server closed with {@code code} and {@code reason}. */
    static boolean retryable(int code, String reason) {
        if (FATAL_CODES.contains(code)) {
            return false;
        }
        return code != INTERNAL_ERROR || !quotaExhausted(reason);
    }

    /** Whether reconnecting could help after the upgrade was answered with HTTP {@code status}. */
    static boolean retryableRefusal(int status) {
        return !FATAL_STATUSES.contains(status);
    }

    /** A 1011 over quota will fail again at once; a 1011 for an internal error or deadline may not. */
    private static boolean quotaExhausted(String reason) {
        String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return lower.contains("quota") || lower.contains("resource_exhausted") || lower.contains("exceeded");
    }
}
