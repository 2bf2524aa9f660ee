package dev.switchboard.agent.tools;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Says in a few words why a webhook exchange failed, for the model and the log. The JDK's HTTP client wraps the
 * real reason a few levels deep (a {@code ConnectException} with no message around the refused connection, say),
 * so the whole cause chain is searched for the most telling one.
 */
final class WebhookFailure {

    private static final int REASON_LIMIT = 120;

    private WebhookFailure() {}

    static String timedOut(Duration timeout) {
        return "webhook timed out after " + describe(timeout);
    }

    static String describe(Throwable failure, Duration timeout) {
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return "webhook unreachable: connection timed out";
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return timedOut(timeout);
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return "webhook unreachable: TLS failure: " + message(innermost(tls));
        }
        if (find(failure, UnresolvedAddressException.class) != null
                || find(failure, UnknownHostException.class) != null) {
            return "webhook unreachable: unknown host";
        }
        if (find(failure, ConnectException.class) != null) {
            return "webhook unreachable: " + connectReason(failure);
        }
        IOException io = find(failure, IOException.class);
        return "webhook failed: " + message(io != null ? io : failure);
    }

    /** "3 s", "1.5 s" or "500 ms", as the model will say it. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    /**
     * The first message in the chain of connect failures. The JDK's client reports a refused connection as a
     * message-less {@code ConnectException} around a {@code ClosedChannelException}, so no message means refused.
     */
    private static String connectReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                return message(t).toLowerCase(Locale.ROOT);
            }
        }
        return "connection refused";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return kind.cast(t);
            }
        }
        return null;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause().getMessage() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(Throwable t) {
        String message = t.getMessage() == null || t.getMessage().isBlank()
                ? t.getClass().getSimpleName() : t.getMessage().strip();
        return message.length() <= REASON_LIMIT ? message : message.substring(0, REASON_LIMIT) + "…";
    }
}
