package dev.switchboard.media.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a compound RTCP packet (RFC 3550 §6.1): each packet's header with version 2, its count field and its
 * length in 32-bit words minus one. Every packet this encoder writes is a whole number of words by construction
 * (SDES chunks and the BYE reason end in null octets up to the next boundary, §6.5 and §6.6), so none needs the
 * padding bit; it never sets it.
 */
public final class RtcpEncoder {

    private static final int MAX_TEXT_BYTES = 255;

    private RtcpEncoder() {}

    /**
     * Encodes {@code packets} as one compound packet.
     *
     * @throws IllegalArgumentException when the list is empty, does not start with an SR or RR, holds an
     *         {@link UnknownPacket}, or an SDES item or BYE reason is longer than 255 bytes in UTF-8
     */
    public static byte[] encode(List<? extends RtcpPacket> packets) {
        if (packets.isEmpty() || !(packets.getFirst() instanceof SenderReport || packets.getFirst()
                instanceof ReceiverReport)) {
            throw new IllegalArgumentException("a compound RTCP packet starts with an SR or RR (RFC 3550 §6.1): "
                    + packets);
        }
        int size = 0;
        for (RtcpPacket packet : packets) {
            size += size(packet);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (RtcpPacket packet : packets) {
            write(packet, out);
        }
        return out.array();
    }

    private static int size(RtcpPacket packet) {
        return switch (packet) {
            case SenderReport sr -> 28 + sr.reports().size() * ReportBlock.BYTES;
            case ReceiverReport rr -> 8 + rr.reports().size() * ReportBlock.BYTES;
            case SourceDescription sdes -> 4 + sdes.chunks().stream().mapToInt(RtcpEncoder::chunkSize).sum();
            case Goodbye bye -> 4 + 4 * bye.ssrcs().size() + reasonSize(bye.reason());
            case UnknownPacket unknown -> throw new IllegalArgumentException(
                    "cannot encode " + unknown + ": only its type and length are known");
        };
    }

    private static void write(RtcpPacket packet, ByteBuffer out) {
        int start = out.position();
        switch (packet) {
            case SenderReport sr -> {
                header(out, sr.reports().size(), RtcpPacket.SR, size(sr));
                out.putInt((int) sr.ssrc()).putLong(sr.ntpTimestamp()).putInt((int) sr.rtpTimestamp())
                        .putInt((int) sr.packetCount()).putInt((int) sr.octetCount());
                sr.reports().forEach(block -> write(block, out));
            }
            case ReceiverReport rr -> {
                header(out, rr.reports().size(), RtcpPacket.RR, size(rr));
                out.putInt((int) rr.ssrc());
                rr.reports().forEach(block -> write(block, out));
            }
            case SourceDescription sdes -> {
                header(out, sdes.chunks().size(), RtcpPacket.SDES, size(sdes));
                sdes.chunks().forEach(chunk -> write(chunk, out));
            }
            case Goodbye bye -> {
                header(out, bye.ssrcs().size(), RtcpPacket.BYE, size(bye));
                bye.ssrcs().forEach(ssrc -> out.putInt(ssrc.intValue()));
                if (!bye.reason().isEmpty()) {
                    text(bye.reason(), out);
                }
            }
            case UnknownPacket unknown -> throw new IllegalStateException("size() rejects " + unknown);
        }
        padToWord(out, start);
    }

    private static void header(ByteBuffer out, int count, int type, int size) {
        out.put((byte) (0x80 | count)).put((byte) type).putShort((short) (size / 4 - 1));
    }

    private static void write(ReportBlock block, ByteBuffer out) {
        out.putInt((int) block.ssrc())
                .putInt(block.fractionLost() << 24 | block.cumulativeLost() & 0xFF_FFFF)
                .putInt((int) block.extendedHighestSequence())
                .putInt((int) block.jitter())
                .putInt((int) block.lastSenderReport())
                .putInt((int) block.delaySinceLastSenderReport());
    }

    /** SSRC, items, then the null item and null octets up to the next word, at least one (§6.5). */
    private static void write(SourceDescription.Chunk chunk, ByteBuffer out) {
        int start = out.position();
        out.putInt((int) chunk.ssrc());
        for (SourceDescription.Item item : chunk.items()) {
            out.put((byte) item.type());
            text(item.text(), out);
        }
        out.put((byte) 0);
        padToWord(out, start);
    }

    private static int chunkSize(SourceDescription.Chunk chunk) {
        int bytes = 4 + 1;
        for (SourceDescription.Item item : chunk.items()) {
            bytes += 1 + 1 + utf8(item.text(), "SDES item " + item.type()).length;
        }
        return roundUpToWord(bytes);
    }

    private static int reasonSize(String reason) {
        return reason.isEmpty() ? 0 : roundUpToWord(1 + utf8(reason, "BYE reason").length);
    }

    private static void text(String text, ByteBuffer out) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.put((byte) bytes.length).put(bytes);
    }

    private static byte[] utf8(String text, String what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(what + " is " + bytes.length + " bytes in UTF-8; RTCP text items "
                    + "hold at most " + MAX_TEXT_BYTES);
        }
        return bytes;
    }

    /** Null octets up to the next 32-bit boundary; ByteBuffer.allocate already zeroed them. */
    private static void padToWord(ByteBuffer out, int start) {
        out.position(start + roundUpToWord(out.position() - start));
    }

    private static int roundUpToWord(int bytes) {
        return (bytes + 3) & ~3;
    }
}
