package dev.switchboard.sip.testing;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One call placed by a {@link TestPhone}: the INVITE transaction, then the dialog (ACK, BYE, CANCEL), as a UAC
 * per RFC 3261 §13 and §15.
 */
public final class OutgoingCall {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestPhone phone;
    private final String number;
    private final String callId = Long.toHexString(ThreadLocalRandom.current().nextLong()) + "@test";
    private final String fromTag = Long.toHexString(ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL);
    private String inviteVia;
    private String toTag;
    private int cseq = 1;
    private SipText finalResponse;

    OutgoingCall(TestPhone phone, String number) {
        this.phone = phone;
        this.number = number;
    }

    public String callId() {
        return callId;
    }

    void invite(String sdp) {
        inviteVia = phone.via();
        String headers = "INVITE " + requestUri() + " SIP/2.0\r\n"
                + "Via: " + inviteVia + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"Tester\" <sip:tester@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: <sip:" + number + "@" + phone.serverHostPort() + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Contact: " + phone.contact() + "\r\n"
                + "User-Agent: switchboard-test-phone\r\n"
                + (sdp == null ? "" : "Content-Type: application/sdp\r\n");
        phone.send(headers, sdp == null ? "" : sdp);
    }

    /** Waits for the INVITE's final response (the first with status >= 200). */
    public SipText awaitFinal() {
        finalResponse = awaitInviteResponse(r -> r.status() >= 200, "final response to INVITE");
        toTag = finalResponse.toTag();
        return finalResponse;
    }

    /** Waits for an INVITE response with this status (e.g. 100, 180, or a retransmitted 200). */
    public SipText awaitStatus(int status) {
        return awaitInviteResponse(r -> r.status() == status, status + " to INVITE");
    }

    private SipText awaitInviteResponse(java.util.function.Predicate<SipText> which, String what) {
        return phone.await(m -> m.isResponse() && callId.equals(m.header("call-id"))
                && "INVITE".equals(m.method()) && which.test(m), WAIT, what);
    }

    /** ACK for the final response: in the dialog for 2xx (§13.2.2.4), in the transaction otherwise (§17.1.1.3). */
    public void ack() {
        ack(null);
    }

    /** ACK carrying {@code sdp}: the answer when the 200 carried the offer (delayed offer). */
    public void ack(String sdp) {
        boolean success = finalResponse.status() < 300;
        String via = success ? phone.via() : inviteVia;
        String headers = "ACK " + requestUri() + " SIP/2.0\r\n"
                + "Via: " + via + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"Tester\" <sip:tester@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: <sip:" + number + "@" + phone.serverHostPort() + ">;tag=" + toTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 ACK\r\n"
                + (sdp == null ? "" : "Content-Type: application/sdp\r\n");
        phone.send(headers, sdp == null ? "" : sdp);
    }

    /** Sends BYE and waits for its final response. */
    public SipText bye() {
        cseq++;
        phone.send(inDialog("BYE", phone.via()), "");
        return phone.await(m -> m.isResponse() && callId.equals(m.header("call-id")) && "BYE".equals(m.method())
                && m.status() >= 200, WAIT, "response to BYE");
    }

    /**
     * Sends a re-INVITE with {@code sdp} in the dialog (RFC 3261 §14), waits for its final response and, for a 2xx,
     * ACKs it; returns the response.
     */
    public SipText reInvite(String sdp) {
        cseq++;
        int invited = cseq;
        phone.send(inDialog("INVITE", phone.via()) + "Contact: " + phone.contact() + "\r\n"
                + "Content-Type: application/sdp\r\n", sdp);
        SipText response = phone.await(m -> m.isResponse() && callId.equals(m.header("call-id"))
                && m.header("cseq").startsWith(invited + " INVITE") && m.status() >= 200, WAIT, "response to re-INVITE");
        if (response.status() < 300) {
            phone.send(inDialog("ACK", phone.via()), "");
        }
        return response;
    }

    /** Sends INFO with {@code body} (e.g. DTMF as application/dtmf-relay) and waits for its final response. */
    public SipText info(String contentType, String body) {
        cseq++;
        phone.send(inDialog("INFO", phone.via()) + "Content-Type: " + contentType + "\r\n", body);
        return phone.await(m -> m.isResponse() && callId.equals(m.header("call-id")) && "INFO".equals(m.method())
                && m.status() >= 200, WAIT, "response to INFO");
    }

    /** Sends CANCEL for the pending INVITE (same branch, §9.1) and waits for the CANCEL's response. */
    public SipText cancel() {
        String headers = "CANCEL " + requestUri() + " SIP/2.0\r\n"
                + "Via: " + inviteVia + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"Tester\" <sip:tester@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: <sip:" + number + "@" + phone.serverHostPort() + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 CANCEL\r\n";
        phone.send(headers, "");
        return phone.await(m -> m.isResponse() && callId.equals(m.header("call-id"))
                && "CANCEL".equals(m.method()), WAIT, "response to CANCEL");
    }

    /** Waits for a BYE from the server in this call and answers it 200. */
    public SipText awaitByeFromServer(Duration timeout) {
        SipText bye = phone.await(m -> !m.isResponse() && "BYE".equals(m.method())
                && callId.equals(m.header("call-id")), timeout, "BYE from the server");
        phone.respond(bye, 200, "OK");
        return bye;
    }

    /** Where the server wants RTP, from the SDP of the final response. */
    public InetSocketAddress serverRtp() {
        String body = finalResponse.body();
        String address = null;
        int port = -1;
        for (String line : body.split("\r\n")) {
            if (line.startsWith("c=IN IP4 ")) {
                address = line.substring(9).trim();
            } else if (line.startsWith("m=audio ")) {
                port = Integer.parseInt(line.split(" ")[1]);
            }
        }
        return new InetSocketAddress(address, port);
    }

    private String inDialog(String method, String via) {
        return method + " " + requestUri() + " SIP/2.0\r\n"
                + "Via: " + via + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"Tester\" <sip:tester@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: <sip:" + number + "@" + phone.serverHostPort() + ">;tag=" + toTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n";
    }

    private String requestUri() {
        return "sip:" + number + "@" + phone.serverHostPort();
    }

    /** An SDP offer for the given RTP port with the given payload types (0 PCMU, 8 PCMA, 101 events). */
    public static String offer(int rtpPort, String formats) {
        return offer(rtpPort, formats, "sendrecv");
    }

    /** As {@link #offer(int, String)}, with a direction attribute: {@code sendonly} or {@code inactive} holds. */
    public static String offer(int rtpPort, String formats, String direction) {
        StringBuilder sdp = new StringBuilder()
                .append("v=0\r\no=tester 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n")
                .append("m=audio ").append(rtpPort).append(" RTP/AVP ").append(formats).append("\r\n");
        for (String format : formats.split(" ")) {
            switch (format) {
                case "0" -> sdp.append("a=rtpmap:0 PCMU/8000\r\n");
                case "8" -> sdp.append("a=rtpmap:8 PCMA/8000\r\n");
                case "18" -> sdp.append("a=rtpmap:18 G729/8000\r\n");
                case "101" -> sdp.append("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n");
                default -> { }
            }
        }
        return sdp.append("a=ptime:20\r\na=").append(direction).append("\r\n").toString();
    }
}
