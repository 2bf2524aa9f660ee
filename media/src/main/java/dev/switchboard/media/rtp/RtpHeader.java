package dev.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * The fixed RTP header and where its payload sits in a datagram (RFC 3550 §5.1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param payloadOffset index of the first payload byte in the buffer that was parsed
 * @param payloadLength payload bytes, after CSRCs and any header extension, before any padding
 */
public record RtpHeader(
        boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
        int payloadOffset, int payloadLength) {

    public static final int FIXED_HEADER_BYTES = 12;
    private static final int VERSION = 2;

    /**
     * Parses the header of the datagram in {@code buf} (between its reader and writer index) without consuming it.
     * Returns {@code null} for anything that is not a well-formed RTP packet: a wrong version, a length too short
     * for its CSRC list or extension (§5.3.1), or padding longer than the packet (§5.1). RTCP packets (payload
     * types 72–76 when the marker bit is folded in, RFC 5761 §4) are rejected too.
     */
    public static RtpHeader parse(ByteBuf buf) {
        int start = buf.readerIndex();
        int length = buf.readableBytes();
        if (length < FIXED_HEADER_BYTES) {
            return null;
        }
        int first = buf.getUnsignedByte(start);
        int second = buf.getUnsignedByte(start + 1);
        if (first >> 6 != VERSION || (second >= 200 && second <= 204)) {
            return null;
        }
        int offset = FIXED_HEADER_BYTES + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (length < offset + 4) {
                return null;
            }
            offset += 4 + 4 * buf.getUnsignedShort(start + offset + 2);
        }
        int padding = (first & 0x20) != 0 ? buf.getUnsignedByte(start + length - 1) : 0;
        int payloadLength = length - offset - padding;
        if (payloadLength < 0 || (padding == 0 && (first & 0x20) != 0)) {
            return null;
        }
        return new RtpHeader(
                (second & 0x80) != 0, second & 0x7F, buf.getUnsignedShort(start + 2),
                buf.getUnsignedInt(start + 4), buf.getUnsignedInt(start + 8), start + offset, payloadLength);
    }

    /** Writes a fixed 12-byte header with no CSRCs, extension or padding, as this server always sends. */
    public static void write(ByteBuf out, boolean marker, int payloadType, int sequenceNumber, long timestamp,
            long ssrc) {
        out.writeByte(VERSION << 6);
        out.writeByte((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out.writeShort(sequenceNumber);
        out.writeInt((int) timestamp);
        out.writeInt((int) ssrc);
    }
}
