package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.media.codec.G711;
import dev.switchboard.media.rtcp.ReceiverReport;
import dev.switchboard.media.rtcp.RtcpEncoder;
import dev.switchboard.media.rtcp.SourceDescription;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The dead-call check ({@link MediaSessionListener#onMediaTimeout()}): neither RTP nor RTCP from the caller for
 * the inactivity timeout, here 2 s (100 ticks), while the call is not on hold.
 */
class MediaSessionInactivityTest extends MediaSessionFixture {

    private static final int TIMEOUT_TICKS = 100;

    @Override
    MediaTuning tuning() {
        return new MediaTuning(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofHours(1),
                Duration.ofSeconds(2));
    }

    @Test
    void aCallerWhoStopsSendingIsReportedDeadOnceAfterTwoSeconds() {
        session.start(PCMU_TO_PCM24K);
        new Phone(SDP_REMOTE, PCMU_PT).send(10, tone(G711.MU_LAW));

        ticks(TIMEOUT_TICKS - 2);
        assertEquals(0, mediaTimeouts, "1.98 s after the last packet");
        ticks(1);
        assertEquals(1, mediaTimeouts, "2 s after it");
        ticks(5 * TIMEOUT_TICKS);
        assertEquals(1, mediaTimeouts, "reported once");
    }

    @Test
    void aCallerWhoNeverSendsIsReportedDeadTwoSecondsAfterTheStart() {
        session.start(PCMU_TO_PCM24K);

        ticks(TIMEOUT_TICKS - 1);
        assertEquals(0, mediaTimeouts);
        ticks(1);
        assertEquals(1, mediaTimeouts);
    }

    @Test
    void rtcpFromTheCallerCountsAsActivity() {
        session.start(PCMU_TO_PCM24K);
        new Phone(SDP_REMOTE, PCMU_PT).send(1, tone(G711.MU_LAW));
        ticks(TIMEOUT_TICKS / 2);

        deliverRaw(SDP_REMOTE, receiverReport());
        ticks(TIMEOUT_TICKS - 1);
        assertEquals(0, mediaTimeouts, "1.98 s after the report, 3 s after the last RTP");
        ticks(1);

        assertEquals(1, mediaTimeouts);
        assertEquals(1, session.stats().rtcp().reportsReceived());
    }

    @ParameterizedTest
    @EnumSource(value = MediaDirection.class, names = {"RECVONLY", "INACTIVE"})
    void onHoldTheCallNeverTimesOutAndResumingStartsTheTimerAfresh(MediaDirection held) {
        session.start(PCMU_TO_PCM24K);
        new Phone(SDP_REMOTE, PCMU_PT).send(1, tone(G711.MU_LAW));

        session.direction(held);
        ticks(5 * TIMEOUT_TICKS);
        assertEquals(0, mediaTimeouts, "10 s on hold");

        session.direction(MediaDirection.SENDRECV);
        ticks(TIMEOUT_TICKS - 1);
        assertEquals(0, mediaTimeouts, "1.98 s after the hold ended");
        ticks(1);
        assertEquals(1, mediaTimeouts);
    }

    @Test
    void withoutATimeoutTheCheckIsOff() {
        MediaSession unchecked = new MediaSession("unchecked", 20_004, pacer, listener, nanoClock::get, closed::add,
                QUIET);
        unchecked.attach(channel, null);
        unchecked.start(PCMU_TO_PCM24K);
        try {
            for (int i = 0; i < 5 * TIMEOUT_TICKS; i++) {
                nanoClock.addAndGet(TICK_NANOS);
                unchecked.onTick();
            }
            assertEquals(0, mediaTimeouts);
        } finally {
            unchecked.close();
        }
    }

    /** A compound RR with no report blocks, then SDES, as a caller's phone sends when it has nothing to report. */
    private static byte[] receiverReport() {
        long callerSsrc = 0x1234_5678L;
        return RtcpEncoder.encode(List.of(new ReceiverReport(callerSsrc, List.of()),
                SourceDescription.cname(callerSsrc, "caller@192.0.2.10")));
    }
}
