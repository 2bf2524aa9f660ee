package dev.switchboard.media.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UDP datagrams out of a classic libpcap capture file (not pcapng): Ethernet frames, optionally
 * VLAN-tagged, carrying unfragmented IPv4. Other frames are skipped.
 *
 * <p>File layout: a 24-byte global header whose magic number gives the byte order and timestamp resolution
 * (0xA1B2C3D4 microseconds, 0xA1B23C4D nanoseconds) and whose last field is the link type (1 = Ethernet); then
 * per packet a 16-byte record header (seconds, fraction, captured length, original length) and the captured
 * bytes.
 */
public final class PcapReader {

    /** One UDP datagram as captured. */
    public record UdpDatagram(int sourcePort, int destinationPort, byte[] payload) {}

    private static final int MAGIC_MICROS = 0xA1B2_C3D4;
    private static final int MAGIC_NANOS = 0xA1B2_3C4D;
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int PROTOCOL_UDP = 17;

    private PcapReader() {}

    /** Every UDP datagram in {@code file}, in capture order. */
    public static List<UdpDatagram> udpDatagrams(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        if (in.remaining() < 24) {
            throw new IOException(file + ": too short for a pcap header");
        }
        int magic = in.order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (Integer.reverseBytes(magic) == MAGIC_MICROS || Integer.reverseBytes(magic) == MAGIC_NANOS) {
            in.order(ByteOrder.LITTLE_ENDIAN);
        } else if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
            throw new IOException(file + ": not a classic pcap file (magic " + Integer.toHexString(magic) + ")");
        }
        int linkType = in.getInt(20);
        if (linkType != LINKTYPE_ETHERNET) {
            throw new IOException(file + ": link type " + linkType + ", only Ethernet (1) is supported");
        }
        List<UdpDatagram> datagrams = new ArrayList<>();
        in.position(24);
        while (in.remaining() >= 16) {
            in.position(in.position() + 8);
            int captured = in.getInt();
            in.getInt();
            if (captured < 0 || captured > in.remaining()) {
                throw new IOException(file + ": truncated packet record at byte " + in.position());
            }
            byte[] frame = new byte[captured];
            in.get(frame);
            UdpDatagram datagram = udp(ByteBuffer.wrap(frame));
            if (datagram != null) {
                datagrams.add(datagram);
            }
        }
        return datagrams;
    }

    /** The UDP datagram in an Ethernet frame, or {@code null} when it holds none (or only part of one). */
    private static UdpDatagram udp(ByteBuffer frame) {
        int ip = 14;
        if (frame.limit() < ip) {
            return null;
        }
        int etherType = frame.getShort(12) & 0xFFFF;
        if (etherType == ETHERTYPE_VLAN && frame.limit() >= ip + 4) {
            etherType = frame.getShort(16) & 0xFFFF;
            ip += 4;
        }
        if (etherType != ETHERTYPE_IPV4 || frame.limit() < ip + 20 || (frame.get(ip) & 0xF0) != 0x40) {
            return null;
        }
        int headerLength = (frame.get(ip) & 0x0F) * 4;
        boolean fragment = (frame.getShort(ip + 6) & 0x3FFF) != 0; // more-fragments flag or an offset
        int udp = ip + headerLength;
        if (frame.get(ip + 9) != PROTOCOL_UDP || fragment || frame.limit() < udp + 8) {
            return null;
        }
        int udpLength = frame.getShort(udp + 4) & 0xFFFF;
        if (udpLength < 8 || frame.limit() < udp + udpLength) {
            return null;
        }
        byte[] payload = new byte[udpLength - 8];
        frame.get(udp + 8, payload);
        return new UdpDatagram(frame.getShort(udp) & 0xFFFF, frame.getShort(udp + 2) & 0xFFFF, payload);
    }
}
