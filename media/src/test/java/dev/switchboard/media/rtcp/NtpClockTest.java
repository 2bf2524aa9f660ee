package dev.switchboard.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NtpClockTest {

    private static final long UNIX_EPOCH_NTP_SECONDS = 2_208_988_800L;

    @Test
    void countsSecondsFrom1900AndTheFractionIn2ToTheMinus32() {
        NtpClock clock = at("1970-01-01T00:00:00.5Z", 1_000);

        assertEquals(UNIX_EPOCH_NTP_SECONDS << 32 | 0x8000_0000L, clock.ntp(1_000));
    }

    @Test
    void readsAKnownDate() {
        // 2024-01-01T00:00:00Z is 1704067200 s after 1970, 3913056000 = 0xE93C7F00 s after 1900.
        NtpClock clock = at("2024-01-01T00:00:00.25Z", 0);

        assertEquals(0xE93C_7F00_4000_0000L, clock.ntp(0));
    }

    @Test
    void advancesWithTheMonotonicClockNotTheWallClock() {
        NtpClock clock = at("1970-01-01T00:00:00.5Z", 5_000_000_000L);

        assertEquals((UNIX_EPOCH_NTP_SECONDS + 1) << 32 | 0xC000_0000L, clock.ntp(5_000_000_000L + 1_250_000_000L));
        assertEquals((UNIX_EPOCH_NTP_SECONDS - 1) << 32 | 0xC000_0000L, clock.ntp(5_000_000_000L - 750_000_000L));
    }

    @Test
    void worksWithNegativeMonotonicReadings() {
        // System.nanoTime() may be negative; only differences count.
        NtpClock clock = at("2024-01-01T00:00:00Z", -9_000_000_000L);

        assertEquals(0xE93C_7F01_0000_0000L, clock.ntp(-8_000_000_000L));
    }

    @Test
    void takesTheMiddle32BitsAsTheShortFormat() {
        assertEquals(0xB2C3_8000L, NtpClock.middle32(0xE7A1_B2C3_8000_1234L));
        NtpClock clock = at("2024-01-01T00:00:00.75Z", 0);
        assertEquals(0x7F00_C000L, clock.ntpShort(0));
    }

    @Test
    void convertsDurationsToAndFromUnitsOf1Over65536Seconds() {
        assertEquals(0x0001_8000L, NtpClock.nanosToShort(1_500_000_000L));
        assertEquals(0, NtpClock.nanosToShort(-5));
        assertEquals(1, NtpClock.nanosToShort(15_259), "one unit is 15258.789 ns");
        assertEquals(0, NtpClock.nanosToShort(15_258));
        assertEquals(1_500_000_000L, NtpClock.shortToNanos(0x0001_8000L));
        assertEquals(6_125_000_000L, NtpClock.shortToNanos(0x0006_2000L));
        assertEquals(15_259, NtpClock.shortToNanos(1));
        long oneDay = 86_400_000_000_000L;
        assertEquals(oneDay, NtpClock.shortToNanos(NtpClock.nanosToShort(oneDay)));
    }

    private static NtpClock at(String instant, long nanoTime) {
        return new NtpClock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), nanoTime);
    }
}
