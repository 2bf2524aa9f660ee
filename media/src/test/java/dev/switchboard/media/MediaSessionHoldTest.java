package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.codec.G711;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hold (RFC 3264 §8.4), as {@link MediaSession#direction} applies it: the agent hears silence whenever the call is
 * held either way, and its voice goes out only while we send.
 */
class MediaSessionHoldTest extends MediaSessionFixture {

    private final Phone phone = new Phone(SDP_REMOTE, PCMU_PT);

    @Test
    void onHoldTheAgentIsNotSentAndHearsSilenceAndOffHoldBothFlowAgain() {
        session.start(PCMU_PASS_THROUGH);
        byte[] tone = tone(G711.MU_LAW);
        session.playAgentAudio("before", 0, agentCodes(1));
        phone.send(1, tone);
        ticks(PLAYOUT_DELAY_TICKS - 1);
        assertEquals(1, releaseOutbound());
        assertArrayEquals(tone, callerAudio.getFirst());

        session.direction(MediaDirection.RECVONLY);
        session.playAgentAudio("during", 0, agentCodes(5));
        phone.send(10, tone);
        assertEquals(0, releaseOutbound(), "none of the agent's voice goes out on hold");
        assertEquals(1, session.stats().packetsSent(), "only the frame before the hold");
        List<byte[]> held = callerAudio.subList(1, callerAudio.size());
        assertEquals(10, held.size(), "a chunk per tick all the same, so the agent's clock runs on");
        assertTrue(held.stream().allMatch(MediaSessionHoldTest::silent), "the agent hears silence");

        session.direction(MediaDirection.SENDRECV);
        session.playAgentAudio("after", 0, agentCodes(3));
        phone.send(3, tone);
        List<SentPacket> sent = readPackets();
        assertEquals(3, sent.size());
        assertTrue(sent.get(0).header().marker(), "the agent's voice resumes with a talkspurt");
        assertArrayEquals(tone, callerAudio.getLast(), "the caller is heard again");
    }

    @Test
    void sendonlyStillSendsTheAgentButTheAgentHearsSilence() {
        session.start(PCMU_PASS_THROUGH);
        session.direction(MediaDirection.SENDONLY);

        session.playAgentAudio("item", 0, agentCodes(3));
        phone.send(5, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS - 1);

        assertEquals(3, readPackets().size());
        assertEquals(5, callerAudio.size());
        assertTrue(callerAudio.stream().allMatch(MediaSessionHoldTest::silent));
    }

    @Test
    void inactiveNeitherSendsNorLetsTheAgentHear() {
        session.start(PCMU_PASS_THROUGH);
        session.direction(MediaDirection.INACTIVE);

        session.playAgentAudio("item", 0, agentCodes(3));
        phone.send(5, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS - 1);

        assertEquals(0, releaseOutbound());
        assertFalse(session.isPlaying(), "its time passed unsent");
        assertEquals(5, callerAudio.size());
        assertTrue(callerAudio.stream().allMatch(MediaSessionHoldTest::silent));
    }

    /** {@code frames} × 20 ms of the agent's voice in the call's law: a 1 kHz tone. */
    private static byte[] agentCodes(int frames) {
        byte[] codes = new byte[frames * FRAME];
        for (int i = 0; i < frames; i++) {
            System.arraycopy(tone(G711.MU_LAW), 0, codes, i * FRAME, FRAME);
        }
        return codes;
    }

    private static boolean silent(byte[] codes) {
        byte[] silence = new byte[codes.length];
        Arrays.fill(silence, G711.MU_LAW.silence());
        return Arrays.equals(silence, codes);
    }
}
