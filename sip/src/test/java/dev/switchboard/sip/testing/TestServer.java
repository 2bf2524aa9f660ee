package dev.switchboard.sip.testing;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.sip.server.SwitchboardServer;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A whole Switchboard server in the test JVM, on loopback, from a YAML configuration in which
 * {@code ${SIP_PORT}} and {@code ${RTP_PORTS}} are filled in with free ports.
 */
public final class TestServer implements AutoCloseable {

    /**
     * The loopback sections every test server shares: SIP and RTP on the ports {@link #start} picks, an admin API
     * on an ephemeral port. Tests append their providers, agents and numbers.
     */
    public static final String LOOPBACK = """
            sip:
              listen: 127.0.0.1:${SIP_PORT}
            media:
              address: 127.0.0.1
              bind: 127.0.0.1
              rtp_ports: ${RTP_PORTS}
            admin:
              listen: 127.0.0.1:0
            """;

    /** The demo: number 600 reaches the local engine in echo mode. */
    public static final String ECHO_CONFIG = """
            sip:
              listen: 127.0.0.1:${SIP_PORT}
              ack_timeout: 2s
            media:
              address: 127.0.0.1
              bind: 127.0.0.1
              rtp_ports: ${RTP_PORTS}
            admin:
              listen: 127.0.0.1:0
              token: test-token
            providers:
              local: { type: local }
            agents:
              echo: { provider: local, mode: echo }
            numbers:
              "600": echo
            """;

    private final SwitchboardServer server;
    private final int sipPort;

    private TestServer(SwitchboardServer server, int sipPort) {
        this.server = server;
        this.sipPort = sipPort;
    }

    /**
     * @param rtpFirst first port of a 100-port RTP range; give each test class its own range so a late packet of
     *                 one test never lands in another's call
     */
    public static TestServer start(String yaml, int rtpFirst) throws IOException {
        return start(yaml, rtpFirst, Map.of());
    }

    /** As {@link #start(String, int)}, with more variables for the YAML. */
    public static TestServer start(String yaml, int rtpFirst, Map<String, String> variables) throws IOException {
        int sipPort = freeUdpAndTcpPort();
        Map<String, String> env = new java.util.HashMap<>(variables);
        env.put("SIP_PORT", Integer.toString(sipPort));
        env.put("RTP_PORTS", rtpFirst + "-" + (rtpFirst + 99));
        SwitchboardConfig config = ConfigLoader.parse(yaml, "test.yaml", env::get);
        return new TestServer(SwitchboardServer.start(config), sipPort);
    }

    public static TestServer startEcho(int rtpFirst) throws IOException {
        return start(ECHO_CONFIG, rtpFirst);
    }

    public InetSocketAddress sip() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), sipPort);
    }

    public SwitchboardServer server() {
        return server;
    }

    /** A port free for both UDP and TCP on loopback, as SIP listens on both. */
    static int freeUdpAndTcpPort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return port;
                } catch (IOException taken) {
                    // UDP side in use; try another
                }
            }
        }
        throw new IOException("no free port for SIP");
    }

    @Override
    public void close() {
        server.close();
    }
}
