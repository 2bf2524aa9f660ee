package dev.switchboard.sip.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A minimal SIP user agent for tests, over UDP or TCP on loopback, built from raw text (RFC 3261) rather than
 * JAIN-SIP, so the server is exercised by a peer that does not share its stack. Every message received is kept,
 * and tests wait for the one they need with a timeout.
 */
public final class TestPhone implements AutoCloseable {

    public enum Transport { UDP, TCP }

    private final InetSocketAddress server;
    private final Transport transport;
    private final DatagramSocket udp;
    private final Socket tcp;
    private final BlockingQueue<SipText> inbox = new LinkedBlockingQueue<>();
    private final List<SipText> seen = new CopyOnWriteArrayList<>();

    public TestPhone(InetSocketAddress server, Transport transport) throws IOException {
        this.server = server;
        this.transport = transport;
        if (transport == Transport.UDP) {
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            tcp = null;
            Thread.ofPlatform().daemon().name("phone-udp").start(this::receiveUdp);
        } else {
            udp = null;
            tcp = new Socket(server.getAddress(), server.getPort());
            Thread.ofPlatform().daemon().name("phone-tcp").start(this::receiveTcp);
        }
    }

    public TestPhone(InetSocketAddress server) throws IOException {
        this(server, Transport.UDP);
    }

    public int localPort() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    public String serverHostPort() {
        return server.getAddress().getHostAddress() + ":" + server.getPort();
    }

    public String via() {
        return "SIP/2.0/" + transport + " 127.0.0.1:" + localPort() + ";branch=" + newBranch() + ";rport";
    }

    public String contact() {
        return "<sip:tester@127.0.0.1:" + localPort() + (transport == Transport.TCP ? ";transport=tcp" : "") + ">";
    }

    /** Starts a call: sends an INVITE to {@code number} with {@code sdp} (or none). */
    public OutgoingCall call(String number, String sdp) {
        OutgoingCall call = new OutgoingCall(this, number);
        call.invite(sdp);
        return call;
    }

    /** Sends a message; Content-Length is added for the body. */
    public void send(String startLineAndHeaders, String body) {
        String text = startLineAndHeaders.strip() + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        sendRaw(text);
    }

    public void sendRaw(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (udp != null) {
                udp.send(new DatagramPacket(bytes, bytes.length, server));
            } else {
                OutputStream out = tcp.getOutputStream();
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot send to " + server, e);
        }
    }

    /** Answers a request the server sent us (e.g. its BYE). */
    public void respond(SipText request, int status, String reason) {
        StringBuilder response = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
        for (String name : List.of("via", "from", "to", "call-id", "cseq")) {
            for (String value : request.headers().getOrDefault(name, List.of())) {
                response.append(name).append(": ").append(value).append("\r\n");
            }
        }
        send(response.toString(), "");
    }

    /**
     * Waits for the next received message matching {@code match}; messages that do not match stay in
     * {@link #seen()} but are skipped. Fails the test when nothing matches in time.
     */
    public SipText await(Predicate<SipText> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                SipText message = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                if (message == null) {
                    throw new AssertionError("timed out after " + timeout + " waiting for " + what
                            + "; received: " + seen.stream().map(SipText::startLine).toList());
                }
                if (match.test(message)) {
                    return message;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what);
        }
    }

    /** Whether nothing matching arrives within {@code window}. */
    public boolean nothingArrives(Predicate<SipText> match, Duration window) {
        try {
            await(match, window, "nothing");
            return false;
        } catch (AssertionError expected) {
            return true;
        }
    }

    public List<SipText> seen() {
        return List.copyOf(seen);
    }

    static String newBranch() {
        return "z9hG4bK-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    private void deliver(String text) {
        SipText message = SipText.parse(text);
        seen.add(message);
        inbox.add(message);
    }

    private void receiveUdp() {
        byte[] buffer = new byte[65_536];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return;
            }
            deliver(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        }
    }

    /** Splits the TCP byte stream into messages using Content-Length (RFC 3261 §18.3). */
    private void receiveTcp() {
        try (InputStream in = tcp.getInputStream()) {
            StringBuilder pending = new StringBuilder();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                pending.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                String next;
                while ((next = TcpFraming.take(pending)) != null) {
                    deliver(new String(next.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // socket closed by the test
        }
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            tcp.close();
        }
    }

    /** Content-Length framing for SIP over a stream. */
    static final class TcpFraming {
        static String take(StringBuilder pending) {
            while (pending.length() >= 2 && pending.charAt(0) == '\r' && pending.charAt(1) == '\n') {
                pending.delete(0, 2);
            }
            int end = pending.indexOf("\r\n\r\n");
            if (end < 0) {
                return null;
            }
            SipText head = SipText.parse(pending.substring(0, end + 4));
            String length = head.header("content-length");
            int bodyLength = length == null ? 0 : Integer.parseInt(length.trim());
            int total = end + 4 + bodyLength;
            if (pending.length() < total) {
                return null;
            }
            String message = pending.substring(0, total);
            pending.delete(0, total);
            return message;
        }
    }
}
