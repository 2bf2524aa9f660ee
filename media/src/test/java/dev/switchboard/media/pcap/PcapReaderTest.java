package dev.switchboard.media.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.pcap.PcapReader.UdpDatagram;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test-side capture reader, on SIPp's files and on frames it must skip. */
class PcapReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsSippsCaptureOfAKeyPress() throws IOException {
        List<UdpDatagram> datagrams = PcapReader.udpDatagrams(Pcaps.sippDtmf().get('5'));

        assertEquals(10, datagrams.size());
        for (UdpDatagram datagram : datagrams) {
            assertEquals(49_176, datagram.sourcePort());
            assertEquals(10_000, datagram.destinationPort());
            assertEquals(16, datagram.payload().length, "12-byte RTP header and one 4-byte event report");
        }
        assertEquals(5, datagrams.get(0).payload()[12], "event 5");
    }

    @Test
    void readsBigEndianFilesAndVlanTagsAndSkipsWhatIsNotUdp() throws IOException {
        byte[] payload = {1, 2, 3};
        ByteBuffer file = ByteBuffer.allocate(512);
        file.putInt(0xA1B2_C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65_535)
                .putInt(1);
        record(file, frame(0x8100, 17, payload));
        record(file, frame(0x0800, 6, payload));
        record(file, frame(0x86DD, 17, payload));
        Path pcap = dir.resolve("synthetic.pcap");
        Files.write(pcap, Arrays.copyOf(file.array(), file.position()));

        List<UdpDatagram> datagrams = PcapReader.udpDatagrams(pcap);

        assertEquals(1, datagrams.size(), "TCP and IPv6 are skipped");
        assertEquals(5_060, datagrams.get(0).sourcePort());
        assertEquals(5_062, datagrams.get(0).destinationPort());
        assertArrayEquals(payload, datagrams.get(0).payload());
    }

    @Test
    void somethingElseIsAnError() throws IOException {
        Path text = dir.resolve("not.pcap");
        Files.writeString(text, "this is a text file, not a capture");

        IOException e = assertThrows(IOException.class, () -> PcapReader.udpDatagrams(text));
        assertTrue(e.getMessage().contains("not a classic pcap file"), e.getMessage());
    }

    private static void record(ByteBuffer file, byte[] frame) {
        file.putInt(0).putInt(0).putInt(frame.length).putInt(frame.length).put(frame);
    }

    /** An Ethernet frame (VLAN-tagged when {@code etherType} is 0x8100) with an IPv4 packet of {@code protocol}. */
    private static byte[] frame(int etherType, int protocol, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(14 + 4 + 20 + 8 + payload.length);
        frame.put(new byte[12]).putShort((short) etherType);
        if (etherType == 0x8100) {
            frame.putShort((short) 7).putShort((short) 0x0800);
        }
        frame.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length)).putInt(0)
                .put((byte) 64).put((byte) protocol).putShort((short) 0).putInt(0x7F00_0001).putInt(0x7F00_0001);
        frame.putShort((short) 5_060).putShort((short) 5_062).putShort((short) (8 + payload.length))
                .putShort((short) 0).put(payload);
        return Arrays.copyOf(frame.array(), frame.position());
    }
}
