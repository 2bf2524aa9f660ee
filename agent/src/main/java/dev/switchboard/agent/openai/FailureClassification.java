package dev.switchboard.agent.openai;

import java.util.Set;

/**
 * Decides whether a failed OpenAI-protocol connection is worth retrying. A new connection would meet the same bad
 * key, empty quota, unknown model or retired API shape again, so those end the agent at once and the call gets its
 * fallback; overload, rate limits, network trouble and the 60-minute session cap are retried (realtime-protocols
 * §2.8, §2.9).
 */
final class FailureClassification {

    /** Upgrade refusals that retrying cannot fix: bad request, bad credentials, forbidden, unknown path or model. */
    private static final Set<Integer> FATAL_STATUSES = Set.of(400, 401, 403, 404);
    /** RFC 6585 §4: too many requests, which is a rate limit (retry) unless the quota itself is spent. */
    private static final int TOO_MANY_REQUESTS = 429;
    /** {@code error.code} values after which the server closes and a new connection fails the same way. */
    private static final Set<String> FATAL_CODES = Set.of("invalid_api_key", "insufficient_quota",
            "model_not_found", "beta_api_shape_disabled", "account_deactivated", "billing_not_active");

    private FailureClassification() {}

    /** Whether reconnecting could help after the upgrade was answered with {@code status} and {@code body}. */
    static boolean retryableRefusal(int status, String body) {
        if (status == TOO_MANY_REQUESTS) {
            return !quotaSpent(body);
        }
        return !FATAL_STATUSES.contains(status);
    }

    /** Whether an {@code error} event with {@code code} means this provider will not serve the agent at all. */
    static boolean fatalError(String code) {
        return code != null && (FATAL_CODES.contains(code) || quotaSpent(code));
    }

    private static boolean quotaSpent(String text) {
        return text != null && text.contains("insufficient_quota");
    }
}
