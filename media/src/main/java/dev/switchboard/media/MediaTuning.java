package dev.switchboard.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How every call's media runs, from the {@code media:} configuration.
 *
 * @param jitterMin         the least delay the jitter buffer aims for
 * @param jitterMax         the most: packets later than this are concealed
 * @param rtcpInterval      nominal time between RTCP reports (RFC 3550 §6.2), randomised per report
 * @param inactivityTimeout a call whose inbound RTP and RTCP both stop this long is reported dead
 *                          ({@link MediaSessionListener#onMediaTimeout()}), except while on hold;
 *                          {@link Duration#ZERO} turns the check off
 */
public record MediaTuning(Duration jitterMin, Duration jitterMax, Duration rtcpInterval, Duration inactivityTimeout) {

    /** 20–200 ms jitter buffer, RTCP every 5 s, calls dead after 30 s without media. */
    public static final MediaTuning DEFAULTS = new MediaTuning(Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(5), Duration.ofSeconds(30));

    public MediaTuning {
        Objects.requireNonNull(jitterMin, "jitterMin");
        Objects.requireNonNull(jitterMax, "jitterMax");
        Objects.requireNonNull(rtcpInterval, "rtcpInterval");
        Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
    }
}
