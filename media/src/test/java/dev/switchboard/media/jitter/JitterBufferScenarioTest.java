package dev.switchboard.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.jitter.PlayoutSegment.Audio;
import dev.switchboard.media.jitter.PlayoutSegment.Gap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each named trace must do beyond the common invariants of {@link JitterBufferTraceTest}. */
class JitterBufferScenarioTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aCleanStreamPlaysEveryPacketWithoutAGap() {
        PacketTrace trace = TraceFixtures.clean();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));

        assertEquals(List.of(), concealedRuns(result));
        assertEquals(0, gapsBetweenAudio(result).size());
        assertEquals(trace.originals().size(), result.stats().played());
        assertEquals(0, result.stats().lost() + result.stats().late() + result.stats().reordered());
        double delay = result.stats().currentDelayMillis();
        assertTrue(delay >= 60 && delay < 80, "the initial delay to the first tick, never moved: " + delay);
    }

    @Test
    void isolatedLossesUnderReorderAndJitterEachCostOneFrame() {
        PacketTrace trace = TraceFixtures.reorderLossJitter();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));
        long networkLost = trace.originals().stream().filter(TracePacket::lost).count();

        List<Long> runs = concealedRuns(result);
        assertTrue(runs.stream().allMatch(run -> run == trace.frameTicks()), "concealed runs " + runs);
        assertEquals(networkLost + result.stats().late(), runs.size());
        assertEquals(networkLost + result.stats().late(), result.stats().lost());
        assertTrue(result.stats().reordered() >= 100, "reordered " + result.stats().reordered());
    }

    @Test
    void isolatedLossesStayMostlyIsolatedWhenTheDelayShrinksToTheNinetyEighthPercentile() {
        PacketTrace trace = TraceFixtures.reorderLossJitter();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace),
                TraceFixtures.pausesBetweenSentences());

        List<Long> runs = concealedRuns(result);
        long longRuns = runs.stream().filter(run -> run > trace.frameTicks()).count();
        long sent = trace.originals().size();
        assertTrue(result.stats().late() <= sent * 3 / 100, "late " + result.stats().late() + " of " + sent);
        assertTrue(longRuns <= 3, "runs longer than a frame: " + longRuns);
        assertTrue(runs.stream().allMatch(run -> run <= 2L * trace.frameTicks()), "concealed runs " + runs);
        assertTrue(result.stats().currentDelayMillis() < 60, "delay " + result.stats().currentDelayMillis());
        assertTrue(result.discarded() > 0, "shrunk by discarding silent frames");
    }

    @Test
    void aBurstOfFiveLostIsOneHundredMillisecondsOfLossAndTheLastGapCarriesTheNextPayloadForFec() {
        PacketTrace trace = TraceFixtures.burstLoss();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));
        List<Gap> gaps = gapsBetweenAudio(result);

        assertEquals(5, gaps.size());
        assertTrue(gaps.stream().allMatch(gap -> gap.cause() == Gap.Cause.LOST && gap.ticks() == 160));
        TracePacket firstLost = trace.originals().stream().filter(TracePacket::lost).findFirst().orElseThrow();
        assertEquals(firstLost.timestamp(), gaps.getFirst().timestamp());
        gaps.subList(0, 4).forEach(gap -> assertNull(gap.next()));
        Audio after = audioAfter(result, gaps.getLast());
        assertSame(after.payload(), gaps.getLast().next());
        assertEquals(5, result.stats().lost());
    }

    @Test
    void theDelayGrowsAtOnceAfterASpikeAndShrinksAfterACalmStretch() {
        PacketTrace trace = TraceFixtures.delaySpike();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));

        assertTrue(at(result, 10.1).targetDelayMillis() < 40, "before: " + at(result, 10.1));
        assertTrue(at(result, 10.6).targetDelayMillis() >= 150, "right after: " + at(result, 10.6));
        assertTrue(at(result, 12.2).currentDelayMillis() >= 150, "after the next pause: " + at(result, 12.2));
        assertTrue(at(result, 45).targetDelayMillis() <= 25, "calm: " + at(result, 45));
        assertTrue(at(result, 45).currentDelayMillis() <= 35, "calm: " + at(result, 45));
        long spikePackets = trace.originals().stream()
                .filter(packet -> packet.sendNanos() >= 10_200_000_000L && packet.sendNanos() < 10_500_000_000L)
                .count();
        assertTrue(result.stats().late() >= spikePackets - 5 && result.stats().late() <= spikePackets,
                "late " + result.stats().late() + " of " + spikePackets + " stalled");
        assertEquals(0, result.stats().restarts(), "a stall is no jump in the sender's timeline");
        assertEquals(0, result.stats().dropped(), "shrunk at talkspurt boundaries, no frame dropped");
    }

    @Test
    void aContinuousStreamMovesItsDelayOnlyThroughFramesTheConsumerFoundSilent() {
        PacketTrace trace = TraceFixtures.delaySpikeContinuous();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace),
                TraceFixtures.pausesBetweenSentences());

        assertTrue(at(result, 9).currentDelayMillis() <= 30, "shed the initial delay: " + at(result, 9));
        assertTrue(at(result, 13).currentDelayMillis() >= 150, "grew after the spike: " + at(result, 13));
        assertTrue(at(result, 50).currentDelayMillis() <= 30, "shrank after the calm: " + at(result, 50));
        List<TraceReplay.Played> played = result.played();
        for (int i = 1; i < played.size(); i++) {
            if (played.get(i).segment() instanceof Gap gap && gap.cause() == Gap.Cause.PADDING) {
                assertEquals(TraceReplay.Heard.PLAYED_SILENT, lastAudioBefore(result, i).heard(),
                        "padding after a frame not reported silent");
            }
        }
        assertEquals(result.discarded(), result.stats().dropped(), "only the consumer drops frames");
        assertEquals(result.discarded() * 20.0, result.stats().removedMillis(), 1e-9, "and removes time");
        assertDelayMovesOnlyWhereTheBufferAdjusts(result);
    }

    @Test
    void aContinuousStreamThatNeverFallsSilentKeepsItsDelay() {
        PacketTrace trace = TraceFixtures.delaySpikeContinuous();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));

        assertEquals(0, result.stats().dropped());
        assertEquals(0.0, result.stats().insertedMillis());
        assertEquals(0.0, result.stats().removedMillis());
        assertEquals(200.0, at(result, 11).targetDelayMillis(), "the target still follows the network");
        assertEquals(at(result, 9).currentDelayMillis(), at(result, 50).currentDelayMillis(), 5,
                "the delay before the spike and long after it");
    }

    @Test
    void whenJitterOutgrowsTheDelayTheBufferWaitsForLatePacketsInsteadOfLosingThem() {
        PacketTrace trace = TraceFixtures.jitterRise();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));
        long waited = result.played().stream().map(TraceReplay.Played::segment)
                .filter(segment -> segment instanceof Gap gap && gap.cause() == Gap.Cause.WAITING).count();

        long risen = trace.originals().stream().filter(packet -> packet.sendNanos() >= 10 * SECOND).count();
        assertTrue(result.stats().late() <= risen / 20, "late " + result.stats().late() + " of " + risen);
        assertTrue(waited > 0, "no waiting");
        assertTrue(at(result, 29).currentDelayMillis() >= 90, "delay " + at(result, 29));
    }

    @Test
    void sequenceNumbersPlayOnThroughTheWrap() {
        PacketTrace trace = TraceFixtures.sequenceWrap();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));
        List<Integer> sequence = audio(result).stream().map(Audio::sequenceNumber).toList();

        int wrap = sequence.indexOf(65_535);
        assertTrue(wrap >= 0 && wrap + 1 < sequence.size(), "65535 is followed by another packet");
        assertEquals(0, sequence.get(wrap + 1));
        assertEquals(trace.originals().size(), sequence.size());
        assertEquals(0, result.stats().lost() + result.stats().late());
    }

    @Test
    void timestampsPlayOnThroughTheWrap() {
        PacketTrace trace = TraceFixtures.timestampWrap();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));
        List<Long> timestamps = audio(result).stream().map(Audio::timestamp).toList();

        int wrap = timestamps.indexOf((1L << 32) - 160);
        assertTrue(wrap >= 0 && wrap + 1 < timestamps.size(), "2^32 - 160 is followed by another packet");
        assertEquals(0L, timestamps.get(wrap + 1));
        assertEquals(trace.originals().size(), timestamps.size());
        assertEquals(0, result.stats().lost() + result.stats().late());
        assertEquals(List.of(), gapsBetweenAudio(result));
    }

    @Test
    void anSsrcSwitchPlaysOnWithoutAGapAndDropsTheOldStreamsStragglers() {
        PacketTrace trace = TraceFixtures.ssrcSwitch();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));

        assertEquals(1, result.stats().restarts());
        assertEquals(2, result.stats().late());
        assertEquals(trace.originals().size() - 2, result.stats().played());
        assertEquals(List.of(), gapsBetweenAudio(result), "a gap around the switch");
    }

    @Test
    void aCleanSsrcSwitchIsSeamless() {
        PacketTrace trace = TraceFixtures.ssrcSwitchClean();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));

        assertEquals(1, result.stats().restarts());
        assertEquals(trace.originals().size(), result.stats().played());
        assertEquals(List.of(), gapsBetweenAudio(result));
        assertEquals(0.0, result.stats().insertedMillis() + result.stats().removedMillis());
    }

    @Test
    void duplicatesAreCountedAndNotPlayed() {
        PacketTrace trace = TraceFixtures.duplicates();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));
        long copies = trace.packets().stream().filter(TracePacket::copy).count();

        assertTrue(copies > 30, "copies " + copies);
        assertEquals(copies, result.stats().duplicate());
        assertEquals(trace.originals().size(), result.stats().played());
    }

    @Test
    void opusSixtyMillisecondPacketsPlayEveryThirdTick() {
        PacketTrace trace = TraceFixtures.opusSixtyMillisecondPackets();
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace));
        long networkLost = trace.originals().stream().filter(TracePacket::lost).count();

        assertEquals(trace.originals().size() - networkLost, result.stats().played());
        assertEquals(networkLost, result.stats().lost());
        long busyTicks = result.played().stream().mapToLong(TraceReplay.Played::tickNanos).distinct().count();
        assertEquals(result.played().size(), busyTicks, "one 60 ms segment a tick, on one tick in three");
    }

    /** Lengths (ticks) of runs of consecutive concealed gaps between the first and the last audio. */
    static List<Long> concealedRuns(TraceReplay.Result result) {
        List<Long> runs = new ArrayList<>();
        long run = 0;
        for (PlayoutSegment segment : betweenAudio(result)) {
            if (segment instanceof Gap gap && gap.cause().concealed()) {
                run += gap.ticks();
            } else if (run > 0) {
                runs.add(run);
                run = 0;
            }
        }
        return runs;
    }

    static List<Gap> gapsBetweenAudio(TraceReplay.Result result) {
        return betweenAudio(result).stream().filter(Gap.class::isInstance).map(Gap.class::cast).toList();
    }

    private static List<PlayoutSegment> betweenAudio(TraceReplay.Result result) {
        List<PlayoutSegment> segments = result.played().stream().map(TraceReplay.Played::segment).toList();
        int first = 0;
        int last = segments.size() - 1;
        while (!(segments.get(first) instanceof Audio)) {
            first++;
        }
        while (!(segments.get(last) instanceof Audio)) {
            last--;
        }
        return segments.subList(first, last + 1);
    }

    private static List<Audio> audio(TraceReplay.Result result) {
        return result.played().stream().map(TraceReplay.Played::segment)
                .filter(Audio.class::isInstance).map(Audio.class::cast).toList();
    }

    private static Audio audioAfter(TraceReplay.Result result, Gap gap) {
        List<PlayoutSegment> segments = result.played().stream().map(TraceReplay.Played::segment).toList();
        return (Audio) segments.get(segments.indexOf(gap) + 1);
    }

    private static TraceReplay.Played lastAudioBefore(TraceReplay.Result result, int index) {
        for (int i = index - 1; ; i--) {
            if (result.played().get(i).segment() instanceof Audio) {
                return result.played().get(i);
            }
        }
    }

    /**
     * Between two ticks the delay falls by half a frame or more only where the consumer discarded a frame, and rises
     * as much only where the buffer inserted time (PADDING, WAITING); the rest is the fastest packet's transit, which
     * the 5 ms of jitter moves a little.
     */
    private static void assertDelayMovesOnlyWhereTheBufferAdjusts(TraceReplay.Result result) {
        List<TraceReplay.Tick> ticks = result.ticks();
        for (int i = 1; i < ticks.size(); i++) {
            TraceReplay.Tick tick = ticks.get(i);
            double change = tick.currentDelayMillis() - ticks.get(i - 1).currentDelayMillis();
            if (change <= -10) {
                assertTrue(tick.discardedTicks() > 0, "the delay fell without a discard: " + tick);
            } else if (change >= 10) {
                assertTrue(insertedOn(result, tick.nanos()), "the delay rose without inserted time: " + tick);
            }
        }
    }

    private static boolean insertedOn(TraceReplay.Result result, long tickNanos) {
        return result.played().stream().filter(played -> played.tickNanos() == tickNanos)
                .anyMatch(played -> played.segment() instanceof Gap gap && !gap.cause().streamTime());
    }

    private static TraceReplay.Tick at(TraceReplay.Result result, double seconds) {
        long nanos = Math.round(seconds * SECOND);
        return result.ticks().stream().filter(tick -> tick.nanos() >= nanos).findFirst().orElseThrow();
    }
}
