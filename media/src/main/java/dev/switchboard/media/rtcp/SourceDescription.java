package dev.switchboard.media.rtcp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SDES packet (RFC 3550 §6.5): text items that describe sources, one chunk per source. Every compound packet
 * carries our CNAME (§6.1), which is all this server sends.
 *
 * @param chunks up to 31 chunks
 */
public record SourceDescription(List<Chunk> chunks) implements RtcpPacket {

    /** Item type of the canonical name (§6.5.1), the only item every participant must send. */
    public static final int CNAME = 1;

    public SourceDescription {
        chunks = Fields.checkCount(chunks);
    }

    /** The SDES packet of one source that gives only its CNAME. */
    public static SourceDescription cname(long ssrc, String cname) {
        return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    @Override
    public int packetType() {
        return SDES;
    }

    /**
     * The items describing one source.
     *
     * @param ssrc  the source (or contributing source) described
     * @param items its items, in the order they were sent
     */
    public record Chunk(long ssrc, List<Item> items) {

        public Chunk {
            if (!Fields.isUnsigned32(ssrc)) {
                throw new IllegalArgumentException("SSRC " + ssrc + " out of unsigned 32-bit range");
            }
            items = List.copyOf(items);
        }

        /** The first CNAME item's text, if the chunk has one. */
        public Optional<String> cname() {
            return items.stream().filter(item -> item.type() == CNAME).map(Item::text).findFirst();
        }
    }

    /**
     * One SDES item. The text is UTF-8 on the wire (§6.5) and at most 255 bytes long there, which the encoder
     * checks; a PRIV item (type 8) keeps its prefix length and prefix inside the text, undecoded.
     *
     * @param type the item type, 1–255 (0 ends a chunk's item list on the wire)
     * @param text the item's value
     */
    public record Item(int type, String text) {

        public Item {
            if (type < 1 || type > 0xFF) {
                throw new IllegalArgumentException("SDES item type " + type + " is not 1-255");
            }
            Objects.requireNonNull(text, "text");
        }
    }
}
