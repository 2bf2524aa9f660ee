package dev.switchboard.sip.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.ExternalTool;
import dev.switchboard.sip.testing.OrderLine;
import dev.switchboard.sip.testing.OrderWebhook;
import dev.switchboard.sip.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIPp, a peer we did not write, drives the order line's tools: it keys an order number with its own recorded
 * RFC 4733 packets, and plays the transferee of a blind transfer that is accepted or refused.
 */
class SippOrderLineIT {

    private static OrderWebhook webhook;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        webhook = new OrderWebhook();
        server = TestServer.start(OrderLine.CONFIG, 30_800, Map.of("WEBHOOK", webhook.url()));
    }

    @AfterAll
    static void stop() {
        server.close();
        webhook.close();
    }

    @Test
    void sippKeysAnOrderNumberAndTheWebhookIsAsked(@TempDir Path work) throws Exception {
        sipp("uac-dtmf-12345.xml", work);
        assertEquals("12345", webhook.next(5).body().path("arguments").path("order_id").asText());
        awaitNoCalls();
    }

    @Test
    void anAcceptedTransferEndsOurLegWithBye(@TempDir Path work) throws Exception {
        sipp("uac-transfer-accepted.xml", work);
        awaitNoCalls();
    }

    @Test
    void aRefusedTransferKeepsTheCallUp(@TempDir Path work) throws Exception {
        sipp("uac-transfer-refused.xml", work);
        awaitNoCalls();
    }

    private static void sipp(String scenario, Path work) throws Exception {
        String sipp = ExternalTool.require("sipp", "sip-tester");
        Path file = Path.of(SippOrderLineIT.class.getResource("/sipp/" + scenario).toURI());
        ExternalTool.Result result = ExternalTool.run(List.of(sipp,
                "-sf", file.toString(), "-s", "700", "-m", "1",
                "-i", "127.0.0.1", "-p", Integer.toString(ExternalTool.freeUdpPortPair()),
                "-mp", Integer.toString(ExternalTool.freeUdpPortPair()),
                "-nostdin", "-timeout", "40s", "-timeout_error",
                "-trace_err", "-error_file", work.resolve("errors.log").toString(),
                "127.0.0.1:" + server.sip().getPort()), work, Duration.ofSeconds(60));
        Path errors = work.resolve("errors.log");
        assertEquals(0, result.exitCode(), () -> "SIPp (" + scenario + ") reported a failed call:\n"
                + read(errors) + result.output());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static void awaitNoCalls() {
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(10),
                () -> server.server().calls().size() + " calls still up");
    }
}
