package dev.switchboard.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.switchboard.media.dtmf.DtmfDetector.KeyPress;
import dev.switchboard.media.pcap.PcapReader;
import dev.switchboard.media.pcap.PcapReader.UdpDatagram;
import dev.switchboard.media.pcap.Pcaps;
import dev.switchboard.media.rtp.RtpHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real key presses: SIPp's RFC 2833 recordings, each one press reported in ten packets. */
class SippDtmfPcapTest {

    @Test
    void eachRecordingIsExactlyOneKeyPressOfTheRightKey() throws IOException {
        for (Map.Entry<Character, Path> recording : Pcaps.sippDtmf().entrySet()) {
            String keys = replay(PcapReader.udpDatagrams(recording.getValue()), new DtmfDetector());

            assertEquals(String.valueOf(recording.getKey()), keys, recording.getValue().toString());
        }
    }

    @Test
    void aRecordingReplayedWithoutItsFirstPacketsIsStillOneKeyPress() throws IOException {
        List<UdpDatagram> datagrams = PcapReader.udpDatagrams(Pcaps.sippDtmf().get('#'));

        String keys = replay(datagrams.subList(7, datagrams.size()), new DtmfDetector());

        assertEquals("#", keys, "only the three final reports arrived");
    }

    /** Feeds each captured telephone-event packet to {@code detector}; returns the keys it reported. */
    private static String replay(List<UdpDatagram> datagrams, DtmfDetector detector) {
        StringBuilder keys = new StringBuilder();
        for (UdpDatagram datagram : datagrams) {
            KeyPress press = accept(detector, datagram);
            if (press != null) {
                keys.append(press.digit());
            }
        }
        return keys.toString();
    }

    private static KeyPress accept(DtmfDetector detector, UdpDatagram datagram) {
        ByteBuf buf = Unpooled.wrappedBuffer(datagram.payload());
        RtpHeader header = RtpHeader.parse(buf);
        assertNotNull(header, "SIPp's packets are RTP");
        assertEquals(Pcaps.SIPP_TELEPHONE_EVENT_PT, header.payloadType());
        TelephoneEvent report =
                TelephoneEvent.parse(datagram.payload(), header.payloadOffset(), header.payloadLength());
        assertNotNull(report);
        return detector.accept(header.ssrc(), header.timestamp(), report);
    }
}
