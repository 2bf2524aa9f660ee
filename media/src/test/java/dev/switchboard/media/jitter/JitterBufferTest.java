package dev.switchboard.media.jitter;

import static dev.switchboard.media.jitter.CallLoop.FRAME;
import static dev.switchboard.media.jitter.CallLoop.MS;
import static dev.switchboard.media.jitter.CallLoop.PCMU;
import static dev.switchboard.media.jitter.CallLoop.SSRC;
import static dev.switchboard.media.jitter.CallLoop.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.jitter.PlayoutSegment.Audio;
import dev.switchboard.media.jitter.PlayoutSegment.ComfortNoise;
import dev.switchboard.media.jitter.PlayoutSegment.Gap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The buffer's API, one behaviour at a time, on hand-made packets of 20 ms G.711 (160 ticks of 8 kHz). */
class JitterBufferTest {

    private final CallLoop loop = new CallLoop();
    private final JitterBuffer buffer = loop.buffer();
    private final List<PlayoutSegment> out = loop.out();

    @Test
    void nothingIsDueBeforeTheFirstPacketNorUntilTheInitialDelayHasPassed() {
        assertEquals(List.of(), buffer.poll(0));
        buffer.offer(SSRC, 100, 0, false, PCMU, frame(), 0);

        assertEquals(List.of(), buffer.poll(20 * MS));
        assertEquals(List.of(), buffer.poll(59 * MS));
        assertEquals(100, assertInstanceOf(Audio.class, buffer.poll(60 * MS).getFirst()).sequenceNumber());
    }

    @Test
    void headerFieldsOutOfRangeAreTheCallersBug() {
        assertThrows(IllegalArgumentException.class, () -> buffer.offer(SSRC, 65_536, 0, false, PCMU, frame(), 0));
        assertThrows(IllegalArgumentException.class, () -> buffer.offer(SSRC, -1, 0, false, PCMU, frame(), 0));
        assertThrows(IllegalArgumentException.class, () -> buffer.offer(SSRC, 0, 1L << 32, false, PCMU, frame(), 0));
        assertThrows(NullPointerException.class, () -> buffer.offer(SSRC, 0, 0, false, PCMU, null, 0));
        assertEquals(0, buffer.stats().received());
    }

    @Test
    void anEmptyPayloadIsInvalidAndItsTimeIsConcealed() {
        for (int i = 0; i < 10; i++) {
            loop.offer(i, (long) i * FRAME, false, PCMU, i == 4 ? new byte[0] : frame(), i * 20);
        }
        loop.runTicks(0, 400);

        assertEquals(1, buffer.stats().invalid());
        assertEquals(List.of(Gap.Cause.LOST), loop.gapCausesBetweenAudio());
        assertEquals(9, buffer.stats().played());
    }

    @Test
    void absurdJumpsThatNoPacketConfirmsAreDiscardedAndTheStreamPlaysOn() {
        for (int i = 0; i < 50; i++) {
            loop.send(i, (long) i * FRAME, i * 20);
            if (i == 25) {
                loop.offer(30_000, 1_234_567_890L, false, PCMU, frame(), i * 20);
            }
            if (i == 35) {
                loop.offer(12_345, 5_000_000L, false, PCMU, frame(), i * 20);
                loop.offer(52_345, 9_000_000L, false, PCMU, frame(), i * 20);
            }
        }
        loop.runTicks(0, 1200);

        assertEquals(3, buffer.stats().invalid(), "three packets out of reach, none following another");
        assertEquals(0, buffer.stats().restarts());
        assertEquals(50, buffer.stats().played());
        assertEquals(List.of(), loop.gapCausesBetweenAudio());
    }

    @Test
    void aConfirmedSequenceRestartReanchorsWithoutALongGap() {
        for (int i = 0; i < 100; i++) {
            boolean restarted = i >= 50;
            int sequence = restarted ? 30_000 + i : i;
            long timestamp = (restarted ? 4_800_000L : 0) + (long) i * FRAME;
            loop.send(sequence, timestamp, i * 20);
        }
        loop.runTicks(0, 2200);

        assertEquals(1, buffer.stats().restarts());
        assertEquals(100, buffer.stats().played());
        assertTrue(loop.gapTicksBetweenAudio() <= FRAME, "gap of " + loop.gapTicksBetweenAudio() + " ticks");
    }

    @Test
    void aTimestampJumpOfAnHourIsARestartNotAnHourOfGap() {
        for (int i = 0; i < 100; i++) {
            long timestamp = (i >= 50 ? 3600L * 8000 : 0) + (long) i * FRAME;
            loop.send(i, timestamp, i * 20);
        }
        loop.runTicks(0, 2200);

        assertEquals(1, buffer.stats().restarts());
        assertEquals(100, buffer.stats().played());
        assertTrue(loop.gapTicksBetweenAudio() <= FRAME, "gap of " + loop.gapTicksBetweenAudio() + " ticks");
    }

    @Test
    void aPauseWithNoSequenceNumberMissingIsSilenceNotLoss() {
        for (int i = 0; i < 100; i++) {
            long pause = i >= 50 ? 40 : 0;
            loop.offer(i, (long) i * FRAME + pause * 8, i == 50, PCMU, frame(), i * 20 + pause);
        }
        loop.runTicks(0, 2200);

        assertEquals(0, buffer.stats().lost());
        List<Gap.Cause> causes = loop.gapCausesBetweenAudio();
        assertTrue(causes.stream().allMatch(cause -> !cause.concealed()), "" + causes);
        double silence = loop.gapTicksBetweenAudio() + buffer.stats().removedMillis() * 8;
        assertEquals(40 * 8, silence, 1, "the pause was played, or cut short to shrink the delay");
    }

    @Test
    void comfortNoiseCarriesTheSilenceUntilTheNextTalkspurt() {
        byte[] noise = {40};
        for (int i = 0; i < 25; i++) {
            loop.send(i, (long) i * FRAME, i * 20);
        }
        loop.offer(25, 25L * FRAME, false, JitterBufferConfig.STATIC_COMFORT_NOISE, noise, 500);
        for (int i = 26; i < 50; i++) {
            loop.offer(i, (i + 49L) * FRAME, i == 26, PCMU, frame(), (i + 49) * 20);
        }
        loop.runTicks(0, 2500);

        ComfortNoise comfortNoise = (ComfortNoise) out.stream().filter(ComfortNoise.class::isInstance)
                .findFirst().orElseThrow();
        assertSame(noise, comfortNoise.payload());
        assertEquals(0, comfortNoise.ticks());
        List<Gap.Cause> causes = loop.gapCausesBetweenAudio();
        assertTrue(causes.contains(Gap.Cause.SILENCE), "" + causes);
        assertTrue(causes.stream().allMatch(cause -> !cause.concealed()), "" + causes);
        assertEquals(0, buffer.stats().lost());
        assertEquals(50, buffer.stats().played());
    }

    @Test
    void theGapOfALostPacketCarriesTheNextPayloadForFec() {
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] payload = frame();
            payloads.add(payload);
            if (i != 10) {
                loop.offer(i, (long) i * FRAME, false, PCMU, payload, i * 20);
            }
        }
        loop.runTicks(0, 600);

        Gap gap = out.stream().filter(Gap.class::isInstance).map(Gap.class::cast).findFirst().orElseThrow();
        assertEquals(Gap.Cause.LOST, gap.cause());
        assertEquals(10L * FRAME, gap.timestamp());
        assertSame(payloads.get(11), gap.next());
        assertEquals(1, buffer.stats().lost());
    }

    @Test
    void aOneBytePacketDoesNotShredTheGapAfterItIntoTicks() {
        for (int i = 0; i < 10; i++) {
            loop.offer(i, (long) i * FRAME, false, PCMU, i == 9 ? new byte[1] : frame(), i * 20);
        }
        loop.runTicks(0, 1000);

        long gaps = out.stream().filter(Gap.class::isInstance).count();
        assertTrue(gaps <= 8 * 40, gaps + " gap segments for 800 ms: none shorter than 2.5 ms");
        assertEquals(10, buffer.stats().played());
    }

    @Test
    void packetsBeyondTheCapacityAreDroppedOldestFirstAndCounted() {
        JitterBuffer small = new JitterBuffer(new JitterBufferConfig(8000, 20, 200, 60, 8, -1,
                PacketDuration.ONE_TICK_PER_BYTE));
        for (int i = 0; i < 20; i++) {
            small.offer(SSRC, i, (long) i * FRAME, false, PCMU, frame(), 0);
        }
        List<Integer> played = new ArrayList<>();
        for (long tick = 60; tick < 1000; tick += 20) {
            small.poll(tick * MS).stream().filter(Audio.class::isInstance)
                    .forEach(segment -> played.add(((Audio) segment).sequenceNumber()));
        }

        assertEquals(12, small.stats().overflow());
        assertEquals(List.of(12, 13, 14, 15, 16, 17, 18, 19), played);
    }

    @Test
    void aDuplicateIsCountedAsOneBeforeAndAfterTheOriginalPlayed() {
        for (int i = 0; i < 10; i++) {
            loop.send(i, (long) i * FRAME, i * 20);
        }
        loop.send(9, 9L * FRAME, 185);
        loop.send(3, 3L * FRAME, 400);
        loop.runTicks(0, 400);

        assertEquals(2, buffer.stats().duplicate());
        assertEquals(0, buffer.stats().late());
        assertEquals(10, buffer.stats().played());
    }

    @Test
    void reorderedPacketsAreCountedAndPlayInOrder() {
        int[] order = {0, 1, 3, 2, 4, 6, 5, 7, 8, 9};
        for (int k = 0; k < order.length; k++) {
            loop.send(order[k], (long) order[k] * FRAME, k * 20);
        }
        loop.runTicks(0, 400);

        assertEquals(2, buffer.stats().reordered());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                out.stream().filter(Audio.class::isInstance).map(s -> ((Audio) s).sequenceNumber()).toList());
    }

    @Test
    void aFrameTheConsumerDiscardsShrinksTheDelayByAFrameAndTheNextPollMakesUpItsTime() {
        sendSteadily(200);
        loop.runTicks(0, 3000);
        double before = buffer.stats().currentDelayMillis();
        int last = loop.lastAudio().sequenceNumber();
        assertTrue(buffer.overTarget(), "the initial 60 ms against a target of 20: " + buffer.stats());

        buffer.discardPlayed(FRAME);
        JitterStats discarded = buffer.stats();
        List<PlayoutSegment> next = loop.runTicks(3020, 3020);

        assertEquals(before - 20, discarded.currentDelayMillis(), 1e-9);
        assertEquals(1, discarded.dropped());
        assertEquals(20.0, discarded.removedMillis());
        assertEquals(List.of(last + 1, last + 2), CallLoop.audioSequenceNumbers(next),
                "the frame after the discarded one, then the one due on this tick");
    }

    @Test
    void afterADiscardTheNextFrameIsDueAtOnce() {
        sendSteadily(200);
        loop.runTicks(0, 3000);
        int last = loop.lastAudio().sequenceNumber();

        buffer.discardPlayed(FRAME);
        List<PlayoutSegment> again = buffer.poll(3000 * MS);

        assertEquals(1, again.size(), "" + again);
        assertEquals(last + 1, assertInstanceOf(Audio.class, again.getFirst()).sequenceNumber());
    }

    @Test
    void theConsumerMayDiscardOnlyWhileTheDelayIsAFrameOverTargetAndADiscardedFrameIsDroppedNotPlayed() {
        sendSteadily(200);
        loop.runTicks(0, 3000);
        JitterStats start = buffer.stats();
        int discards = 0;
        for (long tick = 3020; buffer.overTarget() && discards < 10; tick += 20) {
            buffer.discardPlayed(FRAME);
            discards++;
            loop.runTicks(tick, tick);
        }
        JitterStats shrunk = buffer.stats();
        loop.runTicks(3020 + 20L * discards, 4500);

        double over = shrunk.currentDelayMillis() - shrunk.targetDelayMillis();
        assertTrue(over >= 0 && over < 20, "within a frame over target: " + shrunk);
        assertEquals((int) ((start.currentDelayMillis() - start.targetDelayMillis()) / 20), discards);
        assertEquals(discards, buffer.stats().dropped());
        assertEquals(20.0 * discards, buffer.stats().removedMillis());
        assertEquals(200 - discards, buffer.stats().played());
        assertEquals(0, buffer.stats().lost());
    }

    @Test
    void aFrameReportedSilentNoLongerLetsTheBufferDropTheNext() {
        sendSteadily(200);
        loop.runTicks(0, 3000);
        double before = buffer.stats().currentDelayMillis();
        int last = loop.lastAudio().sequenceNumber();
        assertTrue(buffer.overTarget());

        buffer.lastAudioWasSilent();
        List<PlayoutSegment> next = loop.runTicks(3020, 3020);

        assertEquals(List.of(last + 1), CallLoop.audioSequenceNumbers(next), "it may be the first of a word");
        assertEquals(0, buffer.stats().dropped());
        assertEquals(before, buffer.stats().currentDelayMillis(), 1e-9);
    }

    @Test
    void aFrameReportedSilentLetsTheBufferPadAfterItWhileItIsShortOfTarget() {
        for (int i = 0; i < 100; i++) {
            loop.send(i, (long) i * FRAME, i * 20 + (i == 30 ? 100 : 0));
        }
        loop.runTicks(0, 1000);
        JitterStats before = buffer.stats();
        assertTrue(before.targetDelayMillis() - before.currentDelayMillis() >= 10,
                "a packet 100 ms late raised the target above the delay: " + before);
        int last = loop.lastAudio().sequenceNumber();

        buffer.lastAudioWasSilent();
        List<PlayoutSegment> next = loop.runTicks(1020, 1040);

        Gap padding = assertInstanceOf(Gap.class, next.getFirst());
        assertEquals(Gap.Cause.PADDING, padding.cause());
        assertEquals(FRAME, padding.ticks());
        assertEquals(last + 1, assertInstanceOf(Audio.class, next.get(1)).sequenceNumber());
        assertEquals(before.currentDelayMillis() + 20, buffer.stats().currentDelayMillis(), 1e-9);
        assertEquals(before.insertedMillis() + 20, buffer.stats().insertedMillis(), 1e-9);
    }

    @Test
    void statsCarryTheRfc3550InterarrivalJitterOfTheArrivals() {
        for (int i = 0; i < 200; i++) {
            loop.send(i, (long) i * FRAME, i * 20 + (i % 2) * 10);
        }
        loop.runTicks(0, 4200);
        JitterStats stats = buffer.stats();

        assertEquals(80, stats.interarrivalJitter(), 1, "alternating 10 ms late: |D| is 80 ticks each time");
        assertEquals(10.0, stats.jitterMillis(), 0.2);
        assertArrayEquals(new long[] {200, 200, 0}, new long[] {stats.received(), stats.played(), stats.late()});
    }

    private void sendSteadily(int packets) {
        for (int i = 0; i < packets; i++) {
            loop.send(i, (long) i * FRAME, i * 20);
        }
    }
}
