package dev.switchboard.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.sip.testing.BlackHole;
import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.SipText;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SIP front end over real UDP and TCP sockets: what each request gets answered, and that bad input is
 * answered (or dropped) without disturbing anything else.
 */
class SipSignallingIT {

    private static final String CONFIG = """
            sip:
              listen: 127.0.0.1:${SIP_PORT}
              ack_timeout: 2s
            media:
              address: 127.0.0.1
              bind: 127.0.0.1
              rtp_ports: ${RTP_PORTS}
            admin:
              listen: 127.0.0.1:0
            providers:
              local: { type: local }
              hanging: { type: openai, api_key: test, base_url: "ws://127.0.0.1:${HANG_PORT}/v1" }
              closed: { type: openai, api_key: test, base_url: "ws://127.0.0.1:1/v1" }
            agents:
              echo: { provider: local, mode: echo }
              slow: { provider: hanging, connect_timeout: 8s }
              unreachable: { provider: closed, connect_timeout: 1s, fallback: { then: reject } }
            numbers:
              "600": echo
              "601": slow
              "602": unreachable
            """;

    private static BlackHole hanging;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        hanging = new BlackHole();
        server = TestServer.start(CONFIG, 30_100, Map.of("HANG_PORT", Integer.toString(hanging.port())));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        hanging.close();
    }

    @Test
    void optionsIsAnsweredWithWhatWeAllowAndAccept() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip())) {
            SipText ok = options(phone);
            assertEquals(200, ok.status());
            assertTrue(ok.headerValues("allow").containsAll(java.util.List.of("INVITE", "ACK", "BYE", "CANCEL",
                    "OPTIONS")), "Allow: " + ok.headerValues("allow"));
            assertEquals("application/sdp", ok.header("accept"));
        }
    }

    @Test
    void aNumberWithNoAgentGets404() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip())) {
            SipText response = phone.call("599", OutgoingCall.offer(4000, "0")).awaitFinal();
            assertEquals(404, response.status());
            assertTrue(response.header("warning").contains("no agent for number 599"), response.header("warning"));
        }
    }

    @Test
    void anOfferWithNoCommonCodecGets488() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip())) {
            SipText response = phone.call("600", OutgoingCall.offer(4000, "18")).awaitFinal();
            assertEquals(488, response.status());
            assertTrue(response.header("warning").contains("G729"), response.header("warning"));
        }
    }

    @Test
    void brokenSdpGets400SayingWhy() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip())) {
            SipText response = phone.call("600", "v=0\r\nm=audio notaport RTP/AVP 0\r\n").awaitFinal();
            assertEquals(400, response.status());
            assertTrue(response.header("warning").contains("invalid SDP"), response.header("warning"));
        }
    }

    @Test
    void cancelBeforeAnswerGets487() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip())) {
            OutgoingCall call = phone.call("601", OutgoingCall.offer(4000, "0"));
            call.awaitStatus(180);
            assertEquals(200, call.cancel().status());
            SipText terminated = call.awaitFinal();
            assertEquals(487, terminated.status());
            call.ack();
        }
        awaitNoCalls();
    }

    @Test
    void anUnreachableProviderGets503WhenTheAgentSaysReject() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip())) {
            SipText response = phone.call("602", OutgoingCall.offer(4000, "0")).awaitFinal();
            assertEquals(503, response.status());
            assertNotNull(response.header("retry-after"));
            assertTrue(response.header("warning").contains("agent did not connect in time"),
                    response.header("warning"));
        }
        awaitNoCalls();
    }

    @Test
    void aCallWhoseAckNeverComesIsTornDown() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip())) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(4000, "0"));
            assertEquals(200, call.awaitFinal().status());
            call.awaitStatus(200); // retransmitted until ACK (RFC 3261 §13.3.1.4)
            call.awaitByeFromServer(Duration.ofSeconds(10));
        }
        awaitNoCalls();
    }

    @Test
    void aCallOverTcpCompletes() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip(), TestPhone.Transport.TCP)) {
            OutgoingCall call = phone.call("600", OutgoingCall.offer(4000, "8 0"));
            SipText ok = call.awaitFinal();
            assertEquals(200, ok.status());
            assertTrue(ok.body().contains("a=rtpmap:8 PCMA/8000"), "PCMA first in the offer wins");
            assertTrue(ok.header("contact").contains("transport=tcp"), ok.header("contact"));
            call.ack();
            assertEquals(200, call.bye().status());
        }
        awaitNoCalls();
    }

    @Test
    void malformedInputIsAnsweredOrDroppedAndNothingElseIsDisturbed() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip())) {
            phone.sendRaw("\u0000\u0001 not SIP at all \r\n\r\n");
            phone.sendRaw("INVITE sip:600@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + phone.localPort()
                    + ";branch=z9hG4bK-bad\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n");
            phone.send("OPTIONS sip:600@" + phone.serverHostPort() + " SIP/2.0\r\n"
                    + "Via: " + phone.via() + "\r\nFrom: <sip:t@x>;tag=1\r\nTo: <sip:600@x>\r\nCall-ID: bad-cseq\r\n"
                    + "CSeq: notanumber OPTIONS\r\nMax-Forwards: 70\r\n", "");
            assertEquals(200, options(phone).status(), "the server still answers after garbage");
        }
    }

    @Test
    void unsupportedMethodsAndExtensionsAreRefused() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip())) {
            assertEquals(405, request(phone, "REGISTER", "").status());
            assertEquals(501, request(phone, "FROB", "").status());
            assertEquals(420, request(phone, "OPTIONS", "Require: 100rel\r\n").status());
            assertEquals(481, request(phone, "BYE", "").status());
        }
    }

    private static SipText options(TestPhone phone) {
        return request(phone, "OPTIONS", "");
    }

    private static SipText request(TestPhone phone, String method, String extraHeaders) {
        String callId = method.toLowerCase() + "-" + System.nanoTime();
        phone.send(method + " sip:600@" + phone.serverHostPort() + " SIP/2.0\r\n"
                + "Via: " + phone.via() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:tester@127.0.0.1>;tag=a1\r\n"
                + "To: <sip:600@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + extraHeaders, "");
        return phone.await(m -> m.isResponse() && callId.equals(m.header("call-id")), Duration.ofSeconds(5),
                "response to " + method);
    }

    private static void awaitNoCalls() {
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(10),
                () -> server.server().calls().size() + " calls still up");
    }
}
