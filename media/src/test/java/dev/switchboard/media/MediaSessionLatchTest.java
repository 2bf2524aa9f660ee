package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.media.codec.G711;
import io.netty.channel.socket.DatagramPacket;
import org.junit.jupiter.api.Test;

/** Symmetric RTP (RFC 4961): which source the session answers, and when another may take over. */
class MediaSessionLatchTest extends MediaSessionFixture {

    @Test
    void theFirstValidPacketFromAnotherAddressRetargetsTheStream() {
        session.start(PCMU_TO_PCM24K);

        deliver(NAT_SOURCE, PCMU_PT, 1, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS);

        assertEquals(NAT_SOURCE, session.remote());
        assertEquals(1, callerAudio.size());
    }

    @Test
    void anotherSourceIsDroppedWhileTheLatchedOneIsActive() {
        session.start(PCMU_TO_PCM24K);
        deliver(NAT_SOURCE, PCMU_PT, 1, tone(G711.MU_LAW));

        nanoClock.addAndGet(1_900_000_000L);
        deliver(INTRUDER, PCMU_PT, 500, tone(G711.MU_LAW));

        assertEquals(NAT_SOURCE, session.remote());
        assertEquals(1, session.stats().jitter().received(), "the intruder's audio never reached the caller's stream");
        assertEquals(new MediaStats(1, 0, 0, 1, 0, 0, 0), counters(session.stats()));
    }

    @Test
    void theSdpAddressLatchesToo() {
        session.start(PCMU_TO_PCM24K);
        deliver(SDP_REMOTE, PCMU_PT, 1, tone(G711.MU_LAW));

        nanoClock.addAndGet(SECOND);
        deliver(INTRUDER, PCMU_PT, 500, tone(G711.MU_LAW));

        assertEquals(SDP_REMOTE, session.remote());
        assertEquals(1, session.stats().foreign());
    }

    @Test
    void eachPacketOfTheLatchedSourceRestartsItsSilenceTimer() {
        session.start(PCMU_TO_PCM24K);
        deliver(NAT_SOURCE, PCMU_PT, 1, tone(G711.MU_LAW));
        nanoClock.addAndGet(1_500_000_000L);
        deliver(NAT_SOURCE, PCMU_PT, 2, tone(G711.MU_LAW));

        nanoClock.addAndGet(1_500_000_000L);
        deliver(INTRUDER, PCMU_PT, 500, tone(G711.MU_LAW));

        assertEquals(NAT_SOURCE, session.remote(), "3 s after the first packet but 1.5 s after the last");
        assertEquals(1, session.stats().foreign());
    }

    @Test
    void anotherSourceTakesOverAfterTheLatchedOneFellSilentForTwoSeconds() {
        session.start(PCMU_TO_PCM24K);
        deliver(NAT_SOURCE, PCMU_PT, 1, tone(G711.MU_LAW));

        nanoClock.addAndGet(MediaSession.RELATCH_AFTER_NANOS + 100_000_000L);
        deliver(INTRUDER, PCMU_PT, 500, tone(G711.MU_LAW));

        assertEquals(INTRUDER, session.remote());
        assertEquals(2, session.stats().jitter().received(), "both sources' audio went to the caller's stream");
        assertEquals(new MediaStats(2, 0, 0, 0, 0, 0, 0), counters(session.stats()));

        deliver(NAT_SOURCE, PCMU_PT, 2, tone(G711.MU_LAW));
        assertEquals(INTRUDER, session.remote(), "the new source is latched now");
        assertEquals(1, session.stats().foreign());
        assertEquals(2, session.stats().jitter().received());
    }

    @Test
    void droppedForeignPacketsDoNotKeepTheLatchAlive() {
        session.start(PCMU_TO_PCM24K);
        deliver(NAT_SOURCE, PCMU_PT, 1, tone(G711.MU_LAW));
        nanoClock.addAndGet(1_500_000_000L);
        deliver(INTRUDER, PCMU_PT, 500, tone(G711.MU_LAW));

        nanoClock.addAndGet(1_000_000_000L);
        deliver(INTRUDER, PCMU_PT, 501, tone(G711.MU_LAW));

        assertEquals(INTRUDER, session.remote());
        assertEquals(1, session.stats().foreign());
    }

    @Test
    void agentAudioFollowsTheLatchedAddress() {
        session.start(PCMU_TO_PCM24K);
        deliver(NAT_SOURCE, PCMU_PT, 1, tone(G711.MU_LAW));

        session.playAgentAudio("item", 0, agentTone(1));
        ticks(1);

        DatagramPacket packet = channel.readOutbound();
        try {
            assertEquals(NAT_SOURCE, packet.recipient());
        } finally {
            packet.release();
        }
    }
}
