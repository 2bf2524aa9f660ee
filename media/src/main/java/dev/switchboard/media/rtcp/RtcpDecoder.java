package dev.switchboard.media.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a compound RTCP packet (RFC 3550 §6.1) with the validity checks of Appendix A.2 that real peers pass:
 * version 2, padding only on the last packet, and lengths that add up exactly to the datagram. Every read is
 * bounds-checked against the packet it belongs to; bad input ends in an {@link RtcpFormatException}, never in
 * another exception.
 *
 * <p>A.2 also wants an SR or RR first. That is not enforced, because peers in the field break it: libre 1.1
 * (baresip) opens each call with a lone APP "PING" packet and leaves with a compound that starts with its BYE, and
 * RFC 5506 reduced-size feedback is a lone RTPFB or PSFB. The first packet's type must only be an RTCP type
 * (192–223, the range RFC 5761 §4 keeps clear of RTP), which with the other checks still tells RTCP from noise.
 *
 * <p>Bytes a packet's length covers beyond what its count fields describe (SR/RR profile-specific extensions,
 * §6.4.1) are skipped.
 */
public final class RtcpDecoder {

    private static final int HEADER_BYTES = 4;
    private static final int SENDER_INFO_BYTES = 24;
    private static final int VERSION = 2;

    private RtcpDecoder() {}

    /** Whether a datagram whose second octet is {@code secondOctet} is RTCP rather than RTP (RFC 5761 §4). */
    public static boolean isRtcp(int secondOctet) {
        return secondOctet >= 192 && secondOctet <= 223;
    }

    /** Decodes a whole datagram as a compound packet. */
    public static List<RtcpPacket> decode(byte[] datagram) throws RtcpFormatException {
        return decode(datagram, 0, datagram.length);
    }

    /**
     * Decodes the compound packet in {@code data[offset, offset + length)}; nothing outside that range is read.
     *
     * @throws RtcpFormatException when the bytes are not a valid compound packet; the message says why
     * @throws IndexOutOfBoundsException when the range does not lie within {@code data} (a caller's bug)
     */
    public static List<RtcpPacket> decode(byte[] data, int offset, int length) throws RtcpFormatException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length == 0) {
            throw new RtcpFormatException("empty datagram");
        }
        List<RtcpPacket> packets = new ArrayList<>();
        int end = offset + length;
        for (int position = offset; position < end; ) {
            int index = packets.size();
            Cursor packet = frame(data, position, end, index);
            packets.add(body(packet, index));
            position += packet.size();
        }
        return packets;
    }

    /** Checks the header of the packet at {@code start} and returns a cursor over its body, padding removed. */
    private static Cursor frame(byte[] data, int start, int end, int index) throws RtcpFormatException {
        int available = end - start;
        if (available < HEADER_BYTES) {
            throw new RtcpFormatException(where(index) + available + " trailing bytes, too few for an RTCP header");
        }
        int first = data[start] & 0xFF;
        int type = data[start + 1] & 0xFF;
        int size = ((data[start + 2] & 0xFF) << 8 | data[start + 3] & 0xFF) * 4 + HEADER_BYTES;
        if (first >> 6 != VERSION) {
            throw new RtcpFormatException(where(index) + "version " + (first >> 6) + ", expected 2");
        }
        if (size > available) {
            throw new RtcpFormatException(where(index) + "type " + type + " declares " + size + " bytes but only "
                    + available + " remain in the datagram");
        }
        if (index == 0 && !isRtcp(type)) {
            throw new RtcpFormatException("first packet's type " + type + " is not an RTCP type (192-223)");
        }
        int bodyEnd = start + size;
        if ((first & 0x20) != 0) {
            if (start + size != end) {
                throw new RtcpFormatException(where(index) + "padding bit set on a packet that is not the last");
            }
            int padding = data[bodyEnd - 1] & 0xFF;
            if (padding == 0 || padding > size - HEADER_BYTES) {
                throw new RtcpFormatException(where(index) + "padding count " + padding + " does not fit a body of "
                        + (size - HEADER_BYTES) + " bytes");
            }
            bodyEnd -= padding;
        }
        return new Cursor(data, start, start + HEADER_BYTES, bodyEnd, size, type, first & 0x1F, index);
    }

    private static RtcpPacket body(Cursor packet, int index) throws RtcpFormatException {
        return switch (packet.type) {
            case RtcpPacket.SR -> senderReport(packet);
            case RtcpPacket.RR -> new ReceiverReport(packet.u32("SSRC"), reportBlocks(packet));
            case RtcpPacket.SDES -> sourceDescription(packet);
            case RtcpPacket.BYE -> goodbye(packet);
            default -> new UnknownPacket(packet.type, packet.count, packet.size());
        };
    }

    private static SenderReport senderReport(Cursor packet) throws RtcpFormatException {
        long ssrc = packet.u32("SSRC");
        packet.need(SENDER_INFO_BYTES - 4, "sender info");
        long ntp = packet.u32("NTP timestamp") << 32 | packet.u32("NTP timestamp");
        return new SenderReport(ssrc, ntp, packet.u32("RTP timestamp"), packet.u32("packet count"),
                packet.u32("octet count"), reportBlocks(packet));
    }

    private static List<ReportBlock> reportBlocks(Cursor packet) throws RtcpFormatException {
        packet.need(packet.count * ReportBlock.BYTES, packet.count + " report blocks");
        List<ReportBlock> blocks = new ArrayList<>(packet.count);
        for (int i = 0; i < packet.count; i++) {
            long ssrc = packet.u32("report SSRC");
            int fraction = packet.u8("fraction lost");
            int cumulative = packet.u24("cumulative lost") << 8 >> 8;
            blocks.add(new ReportBlock(ssrc, fraction, cumulative, packet.u32("extended highest sequence"),
                    packet.u32("jitter"), packet.u32("LSR"), packet.u32("DLSR")));
        }
        return blocks;
    }

    private static SourceDescription sourceDescription(Cursor packet) throws RtcpFormatException {
        List<SourceDescription.Chunk> chunks = new ArrayList<>(packet.count);
        for (int i = 0; i < packet.count; i++) {
            long ssrc = packet.u32("SDES chunk " + i + " SSRC");
            List<SourceDescription.Item> items = new ArrayList<>();
            for (int type = packet.u8("SDES item type"); type != 0; type = packet.u8("SDES item type")) {
                items.add(new SourceDescription.Item(type, packet.text("SDES item " + type)));
            }
            packet.alignTo32Bits();
            chunks.add(new SourceDescription.Chunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }

    private static Goodbye goodbye(Cursor packet) throws RtcpFormatException {
        packet.need(packet.count * 4, packet.count + " BYE SSRCs");
        List<Long> ssrcs = new ArrayList<>(packet.count);
        for (int i = 0; i < packet.count; i++) {
            ssrcs.add(packet.u32("BYE SSRC"));
        }
        String reason = packet.remaining() > 0 ? packet.text("BYE reason") : "";
        return new Goodbye(ssrcs, reason);
    }

    private static String where(int index) {
        return "packet " + index + " of the compound: ";
    }

    /** Reads one packet's body, never past its end. */
    private static final class Cursor {
        private final byte[] data;
        private final int start;
        private final int end;
        private final int size;
        private final int index;
        final int type;
        final int count;
        private int position;

        Cursor(byte[] data, int start, int bodyStart, int end, int size, int type, int count, int index) {
            this.data = data;
            this.start = start;
            this.position = bodyStart;
            this.end = end;
            this.size = size;
            this.type = type;
            this.count = count;
            this.index = index;
        }

        int size() {
            return size;
        }

        int remaining() {
            return end - position;
        }

        void need(int bytes, String what) throws RtcpFormatException {
            if (bytes > remaining()) {
                throw new RtcpFormatException(where(index) + "type " + type + " too short for " + what + ": needs "
                        + bytes + " more bytes, has " + remaining());
            }
        }

        int u8(String what) throws RtcpFormatException {
            need(1, what);
            return data[position++] & 0xFF;
        }

        int u24(String what) throws RtcpFormatException {
            need(3, what);
            int value = (data[position] & 0xFF) << 16 | (data[position + 1] & 0xFF) << 8 | data[position + 2] & 0xFF;
            position += 3;
            return value;
        }

        long u32(String what) throws RtcpFormatException {
            need(4, what);
            long value = (long) (data[position] & 0xFF) << 24 | (data[position + 1] & 0xFF) << 16
                    | (data[position + 2] & 0xFF) << 8 | data[position + 3] & 0xFF;
            position += 4;
            return value;
        }

        /** A length octet and that many bytes of UTF-8 (§6.5); malformed UTF-8 is replaced, not rejected. */
        String text(String what) throws RtcpFormatException {
            int length = u8(what + " length");
            need(length, what);
            String text = new String(data, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        /** Skips the null octets that end an SDES chunk up to the next 32-bit boundary of the packet. */
        void alignTo32Bits() throws RtcpFormatException {
            int misaligned = (position - start) % 4;
            if (misaligned != 0) {
                need(4 - misaligned, "SDES chunk padding");
                position += 4 - misaligned;
            }
        }
    }
}
