package dev.switchboard.media.rtcp;

import java.time.Clock;
import java.time.Instant;

/**
 * Wall-clock time in NTP format (RFC 3550 §4) for the session's monotonic nanosecond clock. The wall clock is
 * read once, at construction, and every later time is that instant plus the nanoseconds elapsed since: the NTP
 * timestamps of one call advance exactly with the clock that times its RTP, and a wall-clock step (NTP slew,
 * leap second) mid-call cannot make an SR go backwards.
 *
 * <p>A full timestamp is 64 bits: seconds since 1900-01-01 in the high word, the fraction of a second in the low.
 * The seconds wrap in 2036; nothing here cares, because RTCP only ever subtracts nearby timestamps. Round-trip
 * time uses the "short" format, the middle 32 bits: 16 bits of seconds and 16 of fraction, units of 1/65536 s.
 */
public final class NtpClock {

    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    private static final long SECONDS_1900_TO_1970 = 2_208_988_800L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long anchorNtp;
    private final long anchorNanos;

    /**
     * @param wallClock reads the time of day once
     * @param nanoTime  the monotonic clock's reading at the same moment ({@code System.nanoTime()} scale)
     */
    public NtpClock(Clock wallClock, long nanoTime) {
        this.anchorNtp = toNtp(wallClock.instant());
        this.anchorNanos = nanoTime;
    }

    /** The 64-bit NTP timestamp of the monotonic clock reading {@code nanoTime}. */
    public long ntp(long nanoTime) {
        return anchorNtp + nanosToNtpUnits(nanoTime - anchorNanos);
    }

    /** The middle 32 bits of the NTP timestamp at {@code nanoTime}: the short format LSR and RTT use (§6.4.1). */
    public long ntpShort(long nanoTime) {
        return middle32(ntp(nanoTime));
    }

    /** The middle 32 bits of a 64-bit NTP timestamp, as LSR carries it (§6.4.1). */
    public static long middle32(long ntp) {
        return (ntp >>> 16) & 0xFFFF_FFFFL;
    }

    /** A duration in units of 1/65536 s, as DLSR carries it, rounded down; negative durations give 0. */
    public static long nanosToShort(long nanos) {
        return nanos <= 0 ? 0 : (nanos / NANOS_PER_SECOND << 16) + (nanos % NANOS_PER_SECOND << 16) / NANOS_PER_SECOND;
    }

    /** A duration in units of 1/65536 s as nanoseconds, rounded to the nearest. */
    public static long shortToNanos(long units) {
        return ((units >> 16) * NANOS_PER_SECOND) + (((units & 0xFFFF) * NANOS_PER_SECOND + 0x8000) >> 16);
    }

    private static long toNtp(Instant instant) {
        long seconds = instant.getEpochSecond() + SECONDS_1900_TO_1970;
        return seconds << 32 | ((long) instant.getNano() << 32) / NANOS_PER_SECOND;
    }

    /** Nanoseconds as a 64-bit NTP duration (2^-32 s units); negative durations stay negative. */
    private static long nanosToNtpUnits(long nanos) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long fraction = Math.floorMod(nanos, NANOS_PER_SECOND);
        return (seconds << 32) + (fraction << 32) / NANOS_PER_SECOND;
    }
}
