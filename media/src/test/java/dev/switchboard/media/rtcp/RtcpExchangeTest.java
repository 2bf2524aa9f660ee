package dev.switchboard.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Two sessions on either end of a simulated network with a fixed one-way delay: RTP every 20 ms both ways, RTCP
 * whenever each side's scheduler says, every report encoded and decoded on its way. The two ends' wall clocks are
 * hours apart and their monotonic clocks unrelated, which §6.4.1's RTT must not notice.
 */
class RtcpExchangeTest {

    private static final long ONE_WAY_NANOS = 37_312_345L;
    private static final long UNIT_NANOS = 15_259; // 1/65536 s, rounded up
    private static final long TICK_NANOS = 20_000_000L;
    private static final long CALL_NANOS = 60_000_000_000L;

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Side us = new Side(0xAAAA_0001L, "2024-03-01T12:00:00Z", 0, 1);
    /** The caller: its wall clock 3 h 17 min ahead, its nanoTime 10^12 ahead of ours. */
    private final Side caller = new Side(0xBBBB_0002L, "2024-03-01T15:17:00.3Z", 1_000_000_000_000L, 2);

    @Test
    void measuresTheInjectedRoundTripWithinOneUnitOnBothEnds() {
        run(Integer.MAX_VALUE);

        long expected = 2 * ONE_WAY_NANOS;
        // 60 s of reports every 5 s on average; the first from each end carries no LSR yet.
        assertTrue(us.roundTrips.size() > 8, "RTT measured " + us.roundTrips.size() + " times");
        assertTrue(caller.roundTrips.size() > 8, "RTT measured " + caller.roundTrips.size() + " times");
        for (long measured : us.roundTrips) {
            assertTrue(Math.abs(measured - expected) < UNIT_NANOS, "measured " + measured + ", real " + expected);
        }
        for (long measured : caller.roundTrips) {
            assertTrue(Math.abs(measured - expected) < UNIT_NANOS, "measured " + measured + ", real " + expected);
        }
        assertEquals(caller.session.stats().reportsSent(), us.session.stats().reportsReceived());
    }

    @Test
    void eachEndLearnsTheLossTheOtherSees() {
        run(10); // every tenth packet from us to the caller is lost

        ReportBlock callersView = us.session.stats().receivedReport();
        assertEquals(us.ssrc, callersView.ssrc());
        assertEquals(256 / 10, callersView.fractionLost(), 1);
        assertTrue(callersView.cumulativeLost() >= 250 && callersView.cumulativeLost() <= 300,
                "about a tenth of 3000 packets: " + callersView.cumulativeLost());
        assertEquals(0, caller.session.stats().receivedReport().cumulativeLost());
        assertEquals(0, us.session.stats().sentReport().jitter(), "a fixed delay has no jitter");
    }

    /** Runs the call; {@code dropEvery} loses every n-th RTP packet from us to the caller. */
    private void run(int dropEvery) {
        for (long t = 0; t < CALL_NANOS; t += TICK_NANOS) {
            long tick = t;
            events.add(new Event(t, () -> us.tick(tick, caller, dropEvery)));
            events.add(new Event(t, () -> caller.tick(tick, us, Integer.MAX_VALUE)));
        }
        while (!events.isEmpty()) {
            events.poll().action.run();
        }
    }

    private record Event(long time, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            return Long.compare(time, other.time);
        }
    }

    private final class Side {
        final long ssrc;
        final long nanoOffset;
        final RtcpSession session;
        final List<Long> roundTrips = new ArrayList<>();
        int sequence;

        Side(long ssrc, String wallClock, long nanoOffset, long seed) {
            this.ssrc = ssrc;
            this.nanoOffset = nanoOffset;
            NtpClock ntp = new NtpClock(Clock.fixed(Instant.parse(wallClock), ZoneOffset.UTC), nanoOffset);
            this.session = new RtcpSession(ssrc, "cname-" + ssrc, 8000, ntp, new SplittableRandom(seed), nanoOffset);
        }

        /** Simulated time on this side's monotonic clock. */
        long local(long t) {
            return t + nanoOffset;
        }

        void tick(long t, Side peer, int dropEvery) {
            int seq = sequence++ & 0xFFFF;
            long timestamp = 160L * seq;
            session.onRtpSent(timestamp, 160, local(t));
            if (seq % dropEvery != dropEvery - 1) {
                events.add(new Event(t + ONE_WAY_NANOS,
                        () -> peer.session.onRtpReceived(ssrc, seq, timestamp, peer.local(t + ONE_WAY_NANOS))));
            }
            if (session.isReportDue(local(t))) {
                byte[] datagram = session.report(local(t));
                events.add(new Event(t + ONE_WAY_NANOS, () -> peer.receiveRtcp(datagram, t + ONE_WAY_NANOS)));
            }
        }

        void receiveRtcp(byte[] datagram, long t) {
            try {
                session.onRtcp(RtcpDecoder.decode(datagram), local(t));
            } catch (RtcpFormatException e) {
                throw new AssertionError("our own report did not decode", e);
            }
            long roundTrip = session.stats().roundTripNanos();
            if (roundTrip >= 0) {
                roundTrips.add(roundTrip);
            }
        }
    }
}
