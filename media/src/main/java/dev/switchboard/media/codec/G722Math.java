package dev.switchboard.media.codec;

/**
 * The 16-bit fixed-point operations in which ITU-T G.722 defines its blocks. The Recommendation's arithmetic is
 * 16-bit two's complement that saturates rather than wraps; bit exactness with other implementations depends on
 * reproducing that, and on right shifts that round toward minus infinity (Java's {@code >>}).
 */
final class G722Math {

    private G722Math() {
    }

    /** Saturates to the 16-bit range, as every addition and subtraction in G.722 does. */
    static int saturate(int value) {
        return Math.clamp(value, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** Product of two Q15 quantities, truncated to Q15 and saturated: {@code (a * b) >> 15}. */
    static int multiply(int a, int b) {
        return saturate((a * b) >> 15);
    }

    /**
     * Block LIMIT: the sub-band signals carry 15 significant bits, so reconstructed and split signals are kept to
     * [-16384, 16383].
     */
    static int limit(int value) {
        return Math.clamp(value, -16_384, 16_383);
    }
}
