package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.audio.Pcm16;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.jitter.JitterStats;
import dev.switchboard.media.voice.VoiceCodec;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/**
 * The caller's audio through the jitter buffer, as the agent hears it: in order whatever order the packets came
 * in, with lost packets concealed and duplicates dropped, and comfort noise where the caller's phone sends RFC 3389
 * CN instead of silence.
 */
class MediaSessionJitterTest extends MediaSessionFixture {

    private static final int CN_PT = 13;
    /** RFC 3389 §3.1: a CN payload announcing noise at -40 dBov. */
    private static final byte[] CN_40_DBOV = {40};

    @Test
    void packetsSwappedInPairsReachTheAgentInOrder() {
        session.start(PCMU_PASS_THROUGH);
        Phone phone = new Phone(SDP_REMOTE, PCMU_PT);

        for (int pair = 0; pair < 5; pair++) {
            ByteBuf first = phone.next(PCMU_PT, numbered(2 * pair), FRAME);
            ByteBuf second = phone.next(PCMU_PT, numbered(2 * pair + 1), FRAME);
            ticks(1);
            deliver(SDP_REMOTE, second);
            deliver(SDP_REMOTE, first);
            ticks(1);
        }
        ticks(PLAYOUT_DELAY_TICKS);

        assertEquals(10, callerAudio.size(), "the agent hears every packet once");
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(numbered(i), callerAudio.get(i), "packet " + i);
        }
        JitterStats jitter = session.stats().jitter();
        assertEquals(5, jitter.reordered());
        assertEquals(0, jitter.lost());
    }

    /** G.711's concealment carries the tone on through the lost 20 ms, fading only after the first 10 ms. */
    @Test
    void aLostPacketIsConcealedWithoutAGap() {
        session.start(PCMU_PASS_THROUGH);
        Phone phone = new Phone(SDP_REMOTE, PCMU_PT);
        byte[] tone = tone(G711.MU_LAW);
        phone.send(4, tone);

        phone.next(PCMU_PT, tone, FRAME).release();
        ticks(1);
        phone.send(5, tone);
        ticks(PLAYOUT_DELAY_TICKS - 1);

        assertEquals(10, callerAudio.size(), "one chunk per 20 ms, the lost packet's included");
        assertTrue(callerAudio.stream().allMatch(chunk -> chunk.length == FRAME), "20 ms each");
        byte[] concealed = callerAudio.get(4);
        assertTrue(muLawRms(concealed) > 0.8 * muLawRms(tone), muLawRms(concealed) + " against " + muLawRms(tone));
        assertFalse(Arrays.equals(tone, concealed), "made up, not a copy of a packet");
        assertEquals(1, session.stats().jitter().lost());
        assertEquals(0, session.stats().silenceFilled());
    }

    @Test
    void aDuplicateIsIgnored() {
        session.start(PCMU_PASS_THROUGH);
        Phone phone = new Phone(SDP_REMOTE, PCMU_PT);
        List<ByteBuf> sent = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            ByteBuf packet = phone.next(PCMU_PT, numbered(i), FRAME);
            deliver(SDP_REMOTE, packet.retainedDuplicate());
            if (i == 2 || i == 3) {
                deliver(SDP_REMOTE, packet.retainedDuplicate());
            }
            sent.add(packet);
            ticks(1);
        }
        sent.forEach(ByteBuf::release);
        ticks(PLAYOUT_DELAY_TICKS - 1);

        assertEquals(6, callerAudio.size());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(numbered(i), callerAudio.get(i), "packet " + i);
        }
        assertEquals(2, session.stats().jitter().duplicate());
    }

    /** A phone that sends CN and then nothing: the agent hears noise at the announced level until speech resumes. */
    @Test
    void comfortNoiseFillsTheSilenceUntilAudioResumes() {
        session.start(new StreamSettings(SDP_REMOTE, new VoiceCodec.G711Voice(G711.MU_LAW), PCMU_PT,
                TELEPHONE_EVENT_PT, 8_000, CN_PT, MediaFormat.PCM16_24K, MediaFormat.PCM16_24K, false, false));
        Phone phone = new Phone(SDP_REMOTE, PCMU_PT);
        phone.send(5, tone(G711.MU_LAW));

        deliver(SDP_REMOTE, phone.next(CN_PT, CN_40_DBOV, 0));
        phone.pause(20);
        phone.send(5, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS - 1);

        List<Double> levels = callerAudio.stream().map(MediaSessionJitterTest::rms).toList();
        int noise = firstIndex(levels, 0, level -> level < 1_000);
        int resumed = firstIndex(levels, noise, level -> level > 1_000);
        assertTrue(resumed - noise >= 15, "most of the 20 silent ticks: " + levels);
        for (int i = noise; i < resumed; i++) {
            // -40 dBov is an RMS of 328.
            assertTrue(levels.get(i) > 250 && levels.get(i) < 400, "comfort noise in chunk " + i + ": " + levels);
        }
        assertEquals(5, levels.size() - resumed, "the five packets after the silence: " + levels);
        assertEquals(0, session.stats().silenceFilled());
    }

    /** Index of the first level from {@code from} that passes {@code test}; the list's size when none does. */
    private static int firstIndex(List<Double> levels, int from, DoublePredicate test) {
        for (int i = from; i < levels.size(); i++) {
            if (test.test(levels.get(i))) {
                return i;
            }
        }
        return levels.size();
    }

    /** 20 ms of μ-law, every code the same and different for each {@code n}: a packet the agent's copy names. */
    private static byte[] numbered(int n) {
        byte[] payload = new byte[FRAME];
        Arrays.fill(payload, (byte) (0xA0 + n));
        return payload;
    }

    /** RMS of a chunk of 16-bit PCM. */
    private static double rms(byte[] pcm16) {
        return rms(Pcm16.toSamples(pcm16));
    }

    private static double muLawRms(byte[] codes) {
        short[] samples = new short[codes.length];
        G711.MU_LAW.decode(codes, 0, codes.length, samples, 0);
        return rms(samples);
    }

    private static double rms(short[] samples) {
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / samples.length);
    }
}
