package dev.switchboard.media.rtcp;

import java.util.List;

/** Range checks the packet records share. */
final class Fields {

    /** The 5-bit count field (RC, SC) limits every list in an RTCP packet header (RFC 3550 §6.4.1). */
    static final int MAX_COUNT = 31;

    private Fields() {}

    /** Whether an unsigned 32-bit field (SSRC, timestamp, counter) holds {@code value}. */
    static boolean isUnsigned32(long value) {
        return value >= 0 && value <= 0xFFFF_FFFFL;
    }

    /** An immutable copy of {@code items}, which must fit the 5-bit count field. */
    static <T> List<T> checkCount(List<T> items) {
        if (items.size() > MAX_COUNT) {
            throw new IllegalArgumentException(items.size() + " items; an RTCP packet holds at most " + MAX_COUNT);
        }
        return List.copyOf(items);
    }
}
