package dev.switchboard.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The reasons for failures that loopback cannot produce (DNS), and the wording of the others. */
class WebhookFailureTest {

    private static final Duration THREE_SECONDS = Duration.ofSeconds(3);

    @Test
    void findsTheReasonDeepInTheCauseChain() {
        assertEquals("webhook unreachable: unknown host", WebhookFailure.describe(
                new ConnectException(null).initCause(new UnresolvedAddressException()), THREE_SECONDS));
        assertEquals("webhook unreachable: connection refused", WebhookFailure.describe(
                new ConnectException(null).initCause(new ConnectException("Connection refused")), THREE_SECONDS));
        assertEquals("webhook unreachable: TLS failure: No subject alternative names present",
                WebhookFailure.describe(new IOException(new SSLHandshakeException("handshake failed",
                        new IOException("No subject alternative names present"))), THREE_SECONDS));
        assertEquals("webhook timed out after 3 s",
                WebhookFailure.describe(new HttpTimeoutException("request timed out"), THREE_SECONDS));
        assertEquals("webhook unreachable: connection timed out",
                WebhookFailure.describe(new HttpConnectTimeoutException("HTTP connect timed out"), THREE_SECONDS));
        assertEquals("webhook failed: Connection reset",
                WebhookFailure.describe(new IOException("Connection reset"), THREE_SECONDS));
        assertEquals("webhook failed: IllegalStateException",
                WebhookFailure.describe(new IllegalStateException(), THREE_SECONDS));
    }

    @Test
    void saysDurationsTheWayTheyAreSpoken() {
        assertEquals("3 s", WebhookFailure.describe(THREE_SECONDS));
        assertEquals("1.5 s", WebhookFailure.describe(Duration.ofMillis(1500)));
        assertEquals("250 ms", WebhookFailure.describe(Duration.ofMillis(250)));
    }
}
