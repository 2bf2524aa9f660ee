package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.codec.G711;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edges of the agent's talkspurts on the wire (playout.Fades): a voice cut off by a barge-in or running out
 * mid-frame on a loud sample ramps down to silence within 5 ms instead of stopping dead, and a voice whose edges
 * are already quiet, passed through in the call's law, keeps every byte.
 */
class MediaSessionFadeTest extends MediaSessionFixture {

    /** An edge sample this quiet or quieter is sent as it is, not ramped. */
    private static final int QUIET_EDGE = 64;

    @Test
    void aBargeInSendsOneFrameThatFallsSilentWithinFiveMilliseconds() {
        session.start(PCMU_PASS_THROUGH);
        byte[] voice = loudTone(50 * FRAME, Math.PI / 2);
        session.playAgentAudio("item", 0, voice);
        ticks(3);
        assertEquals(3, releaseOutbound());

        session.interruptPlayback();
        ticks(5);

        List<SentPacket> sent = readPackets();
        assertEquals(1, sent.size(), "one more frame, then nothing");
        short[] ramp = decode(sent.getFirst().payload());
        short[] wouldHaveCome = decode(Arrays.copyOfRange(voice, 3 * FRAME, 4 * FRAME));
        assertTrue(wouldHaveCome[0] > 15_000, "the voice was cut at a peak");
        assertEquals(wouldHaveCome[0], ramp[0], wouldHaveCome[0] / 16, "it carries on from there, without a step");
        for (int i = 0; i < RAMP; i++) {
            assertTrue(Math.abs(ramp[i]) <= Math.abs(wouldHaveCome[i]), "never louder than the voice: sample " + i);
        }
        assertTrue(Math.abs(ramp[RAMP - 1]) <= Math.abs(wouldHaveCome[RAMP - 1]) / 10 + 16, "nearly silent at 5 ms");
        for (int i = RAMP; i < FRAME; i++) {
            assertEquals(0, ramp[i], "silent from 5 ms on: sample " + i);
        }
    }

    @Test
    void aPassedThroughTalkspurtWithQuietEdgesKeepsEveryByte() {
        session.start(PCMU_PASS_THROUGH);
        // 1 kHz at 8 kHz is zero every fourth sample: 561 samples start and end on a zero, the last frame short.
        byte[] voice = loudTone(3 * FRAME + 81, 0);
        session.playAgentAudio("item", 0, voice);

        ticks(6);

        List<SentPacket> sent = readPackets();
        assertEquals(4, sent.size());
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        sent.forEach(packet -> wire.writeBytes(packet.payload()));
        byte[] expected = Arrays.copyOf(voice, 4 * FRAME);
        Arrays.fill(expected, voice.length, expected.length, G711.MU_LAW.silence());
        assertArrayEquals(expected, wire.toByteArray());
    }

    @Test
    void aVoiceThatRunsOutMidFrameOnALoudSampleIsRampedDown() {
        session.start(PCMU_PASS_THROUGH);
        byte[] voice = loudTone(3 * FRAME + 82, 0);
        session.playAgentAudio("item", 0, voice);

        ticks(6);

        List<SentPacket> sent = readPackets();
        assertEquals(4, sent.size());
        assertArrayEquals(Arrays.copyOf(voice, 3 * FRAME), concat(sent.subList(0, 3)), "untouched up to the end");
        assertFadesOut(G711.MU_LAW, Arrays.copyOfRange(voice, 3 * FRAME, voice.length), sent.get(3).payload());
    }

    /**
     * Asserts that {@code sent}, a frame of the agent's voice in {@code law}, holds the codes {@code real} ramped
     * down to silence over their last 5 ms ({@link #RAMP} samples), as the frame where the agent's voice runs out
     * on a loud sample is (playout.Fades), then the law's silence: the same before the ramp, and in it never louder
     * than a straight line from full level to nothing, give or take a quantisation step of the law.
     */
    private static void assertFadesOut(G711 law, byte[] real, byte[] sent) {
        assertEquals(FRAME, sent.length);
        assertTrue(Math.abs(law.decode(real[real.length - 1])) > QUIET_EDGE, "the voice ends loud: a ramp is due");
        int rampStart = real.length - RAMP;
        for (int i = 0; i < FRAME; i++) {
            int is = law.decode(sent[i]);
            int was = law.decode(i < real.length ? real[i] : law.silence());
            if (i < rampStart || i >= real.length) {
                assertEquals(was, is, "sample " + i + " is outside the ramp");
            } else {
                double line = Math.abs(was) * (real.length - i) / (double) RAMP;
                assertTrue(Math.abs(is) <= line * 1.07 + 16, "sample " + i + ": " + is + " of " + was);
            }
        }
    }

    /** {@code samples} of a 1 kHz tone at -6 dBFS in μ-law, starting at {@code phase} (0: on a zero). */
    private static byte[] loudTone(int samples, double phase) {
        short[] pcm = new short[samples];
        for (int n = 0; n < samples; n++) {
            pcm[n] = (short) Math.round(16_000 * Math.sin(2 * Math.PI * n / 8 + phase));
        }
        byte[] codes = new byte[samples];
        G711.MU_LAW.encode(pcm, 0, samples, codes, 0);
        return codes;
    }

    private static short[] decode(byte[] codes) {
        short[] pcm = new short[codes.length];
        G711.MU_LAW.decode(codes, 0, codes.length, pcm, 0);
        return pcm;
    }

    private static byte[] concat(List<SentPacket> packets) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        packets.forEach(packet -> joined.writeBytes(packet.payload()));
        return joined.toByteArray();
    }
}
