package dev.switchboard.sip.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.MediaEngine;
import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.ExternalTool;
import dev.switchboard.sip.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIPp, a SIP peer we did not write, calls the echo agent: INVITE, 200, ACK, SIPp's own recorded speech
 * ({@code /usr/share/sip-tester/g711a.pcap}) as PCMA RTP, an RFC 4733 digit, BYE, 200; and a wideband call offering
 * only G.722, with speech that ffmpeg encoded.
 */
class SippInteropIT {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startEcho(30_300);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sippCallsTheEchoAgentWithRecordedSpeech(@TempDir Path work) throws Exception {
        String sipp = ExternalTool.require("sipp", "sip-tester");
        Path scenario = Path.of(SippInteropIT.class.getResource("/sipp/uac-pcap.xml").toURI());
        ExternalTool.Result result = ExternalTool.run(List.of(sipp,
                "-sf", scenario.toString(), "-s", "600", "-m", "1",
                "-i", "127.0.0.1", "-p", Integer.toString(ExternalTool.freeUdpPortPair()),
                "-mp", Integer.toString(ExternalTool.freeUdpPortPair()),
                "-nostdin", "-timeout", "40s", "-timeout_error",
                "-trace_err", "-error_file", work.resolve("errors.log").toString(),
                "127.0.0.1:" + server.sip().getPort()), work, Duration.ofSeconds(60));
        assertEquals(0, result.exitCode(), () -> "SIPp reported a failed call:\n" + errors(work) + result.output());

        MediaEngine media = server.server().media();
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
        assertTrue(media.packetsReceived() >= 230, "SIPp's 236 speech packets arrived: " + media.packetsReceived());
        // The echo starts half a second after the speech ends and is cut short by the scenario's key press, which
        // stops an agent talking (as key presses do in IVRs).
        assertTrue(media.packetsSent() > 10, "the echo of SIPp's speech went back: " + media.packetsSent());
        assertEquals(media.portCapacity(), media.availablePorts(), "port released");
    }

    @Test
    void sippMakesAWidebandCallWithG722Speech(@TempDir Path work) throws Exception {
        String sipp = ExternalTool.require("sipp", "sip-tester");
        Path scenario = Path.of(SippInteropIT.class.getResource("/sipp/uac-g722.xml").toURI());
        Files.copy(Path.of(SippInteropIT.class.getResource("/sipp/g722-speech.pcap").toURI()),
                work.resolve("g722-speech.pcap"));
        MediaEngine media = server.server().media();
        long receivedBefore = media.packetsReceived();
        long sentBefore = media.packetsSent();
        ExternalTool.Result result = ExternalTool.run(List.of(sipp,
                "-sf", scenario.toString(), "-s", "600", "-m", "1",
                "-i", "127.0.0.1", "-p", Integer.toString(ExternalTool.freeUdpPortPair()),
                "-mp", Integer.toString(ExternalTool.freeUdpPortPair()),
                "-nostdin", "-timeout", "40s", "-timeout_error",
                "-trace_err", "-error_file", work.resolve("errors.log").toString(),
                "127.0.0.1:" + server.sip().getPort()), work, Duration.ofSeconds(60));
        assertEquals(0, result.exitCode(), () -> "SIPp reported a failed call:\n" + errors(work) + result.output());

        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
        long received = media.packetsReceived() - receivedBefore;
        long sent = media.packetsSent() - sentBefore;
        assertTrue(received >= 195, "SIPp's 200 G.722 packets arrived: " + received);
        assertTrue(sent >= 150, "the echo went back as G.722 for most of the speech: " + sent + " packets");
    }

    private static String errors(Path work) {
        try {
            Path log = work.resolve("errors.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
