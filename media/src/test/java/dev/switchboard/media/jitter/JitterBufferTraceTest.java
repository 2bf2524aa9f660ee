package dev.switchboard.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.jitter.PlayoutSegment.Audio;
import dev.switchboard.media.jitter.PlayoutSegment.Gap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants every trace must keep, for a caller who never pauses and for one whose pauses the consumer discards
 * frames of: what arrived in time is handed out once and in order, gaps fall exactly where packets were lost or
 * late, durations add up to real time and to stream time, and the delay stays within its bounds.
 */
class JitterBufferTraceTest {

    static Stream<Arguments> traces() {
        return withCallers(TraceFixtures.all());
    }

    static Stream<Arguments> singleSourceTraces() {
        return withCallers(TraceFixtures.all().stream().filter(trace -> trace.packets().stream()
                .allMatch(packet -> packet.ssrc() == trace.packets().getFirst().ssrc())).toList());
    }

    private static Stream<Arguments> withCallers(List<PacketTrace> traces) {
        Predicate<TracePacket> neverSilent = packet -> false;
        return traces.stream().flatMap(trace -> Stream.of(
                Arguments.of(trace, Named.of("never silent", neverSilent)),
                Arguments.of(trace, Named.of("pauses", TraceFixtures.pausesBetweenSentences()))));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("traces")
    void everyPacketPlaysAtMostOnceAndInTimestampOrder(PacketTrace trace, Predicate<TracePacket> silent) {
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace), silent);

        Set<String> played = new HashSet<>();
        Map<Long, Long> lastTimestamp = new HashMap<>();
        long previousSsrc = -1;
        int sourceChanges = 0;
        for (TraceReplay.Played each : result.played()) {
            if (each.segment() instanceof Audio audio) {
                TracePacket source = result.source(audio);
                assertTrue(played.add(source.ssrc() + ":" + source.sequence()), () -> "played twice: " + source);
                Long last = lastTimestamp.put(source.ssrc(), source.extendedTimestamp());
                assertTrue(last == null || last < source.extendedTimestamp(), () -> "out of order: " + source);
                sourceChanges += previousSsrc != -1 && previousSsrc != source.ssrc() ? 1 : 0;
                previousSsrc = source.ssrc();
            }
        }
        assertTrue(sourceChanges <= 1, "the streams interleaved: " + sourceChanges + " changes");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("traces")
    void whatArrivedBeforeItsTurnPlaysAndWhatDidNotIsAConcealedGap(PacketTrace trace,
            Predicate<TracePacket> silent) {
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace), silent);
        Coverage coverage = new Coverage(result);
        Map<String, Long> firstArrival = firstArrivals(trace);

        Set<String> stragglers = stragglers(trace);
        for (TracePacket packet : trace.originals()) {
            if (packet.lost()) {
                continue;
            }
            Coverage.Span span = coverage.cover(packet);
            if (span == null) {
                assertTrue(stragglers.contains(key(packet)), () -> packet + ": its stream time never played");
                continue;
            }
            boolean inTime = firstArrival.get(key(packet)) <= span.played().tickNanos();
            if (inTime) {
                Audio audio = assertInstanceOf(Audio.class, span.segment(), () -> packet + " came in time");
                assertEquals(key(packet), key(result.source(audio)));
            } else {
                Gap gap = assertInstanceOf(Gap.class, span.segment(), () -> packet + " came late");
                assertEquals(Gap.Cause.LOST, gap.cause(), () -> packet + " came late");
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("traces")
    void noLostGapCoversAPacketThatCameInTime(PacketTrace trace, Predicate<TracePacket> silent) {
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace), silent);
        Coverage coverage = new Coverage(result);
        Map<String, Long> firstArrival = firstArrivals(trace);

        for (TracePacket packet : trace.originals()) {
            for (Coverage.Span span : coverage.spans(packet.ssrc())) {
                boolean overlaps = span.start() < packet.extendedTimestamp() + packet.ticks()
                        && packet.extendedTimestamp() < span.end();
                if (overlaps && span.segment() instanceof Gap gap && gap.cause() == Gap.Cause.LOST) {
                    boolean arrivedInTime = !packet.lost()
                            && firstArrival.get(key(packet)) <= span.played().tickNanos();
                    assertTrue(!arrivedInTime, () -> "a LOST gap covers " + packet + ", which came in time");
                }
            }
        }
    }

    /**
     * What each tick hands out keeps within a frame of real time. A frame the listener discards is made up for on
     * the next tick, which hands out one more.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("traces")
    void durationsAddUpToRealTimeOnEveryTick(PacketTrace trace, Predicate<TracePacket> silent) {
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace), silent);
        List<TraceReplay.Tick> ticks = result.ticks();
        TraceReplay.Tick first = ticks.stream().filter(tick -> tick.nanos() == result.firstOutputNanos())
                .findFirst().orElseThrow();

        long worst = 0;
        for (TraceReplay.Tick tick : ticks) {
            if (tick.nanos() >= first.nanos()) {
                long elapsed = Ticks.fromNanos(tick.nanos() - first.nanos(), trace.clockRate());
                long handedOut = tick.outputTicks() + tick.discardedTicks() - first.outputTicks();
                long drift = handedOut - elapsed;
                worst = Math.max(worst, Math.abs(drift));
            }
        }
        long finalElapsed = Ticks.fromNanos(ticks.getLast().nanos() - first.nanos(), trace.clockRate());
        assertTrue(worst <= trace.frameTicks(), "output strayed " + worst + " ticks from real time");
        assertTrue(finalElapsed > Ticks.fromMillis(9_000, trace.clockRate()), "the replay ran " + finalElapsed);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("singleSourceTraces")
    void streamTimeFromFirstToLastAudioIsPlayedOrRemovedExactly(PacketTrace trace, Predicate<TracePacket> silent) {
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace), silent);
        List<Coverage.Span> spans = new Coverage(result).spans(trace.packets().getFirst().ssrc());
        int first = 0;
        int last = spans.size() - 1;
        while (!(spans.get(first).segment() instanceof Audio)) {
            first++;
        }
        while (!(spans.get(last).segment() instanceof Audio)) {
            last--;
        }

        long covered = spans.subList(first, last + 1).stream().filter(span -> !span.discarded())
                .mapToLong(Coverage.Span::ticks).sum();
        long removed = Math.round(result.stats().removedMillis() * trace.clockRate() / 1000);
        TracePacket firstPlayed = result.source((Audio) spans.get(first).segment());
        TracePacket lastPlayed = result.source((Audio) spans.get(last).segment());
        long elapsed = lastPlayed.extendedTimestamp() + lastPlayed.ticks() - firstPlayed.extendedTimestamp();
        assertEquals(elapsed, covered + removed, "stream ticks from the first to the last packet handed out");
        assertEquals(trace.originals().getFirst(), firstPlayed, "the stream starts with its first packet");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("singleSourceTraces")
    void networkTroubleNeverReanchorsTheStreamNorMakesTheBufferDropAFrameItself(PacketTrace trace,
            Predicate<TracePacket> silent) {
        TraceReplay.Result result = TraceReplay.run(trace, TraceFixtures.configFor(trace), silent);

        assertEquals(0, result.stats().restarts(), "loss, jitter, reordering or a stall is no sender restart");
        assertEquals(result.discarded(), result.stats().dropped(), "frames dropped but not by the listener");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("traces")
    void delayStaysWithinItsBounds(PacketTrace trace, Predicate<TracePacket> silent) {
        JitterBufferConfig config = TraceFixtures.configFor(trace);
        TraceReplay.Result result = TraceReplay.run(trace, config, silent);

        for (TraceReplay.Tick tick : result.ticks()) {
            assertTrue(tick.targetDelayMillis() >= config.minDelayMillis()
                    && tick.targetDelayMillis() <= config.maxDelayMillis(), "target " + tick);
            assertTrue(tick.currentDelayMillis() >= 0
                    && tick.currentDelayMillis() <= config.maxDelayMillis() + trace.frameMillis(), "current " + tick);
        }
    }

    static String key(TracePacket packet) {
        return packet.ssrc() + ":" + packet.sequence();
    }

    /** When each packet first reached the receiver, copies included. */
    static Map<String, Long> firstArrivals(PacketTrace trace) {
        Map<String, Long> first = new HashMap<>();
        trace.packets().stream().filter(packet -> !packet.lost())
                .sorted(Comparator.comparingLong(TracePacket::arrivalNanos))
                .forEach(packet -> first.putIfAbsent(key(packet), packet.arrivalNanos()));
        return first;
    }

    /**
     * Packets of a replaced SSRC that arrive after the new one took over: the only ones whose stream time may never
     * play, when the old stream had not reached it (else it was a LOST gap: they came late).
     */
    private static Set<String> stragglers(PacketTrace trace) {
        TracePacket firstNew = trace.arrivals().stream()
                .filter(packet -> packet.ssrc() != trace.packets().getFirst().ssrc()).findFirst().orElse(null);
        if (firstNew == null) {
            return Set.of();
        }
        return trace.originals().stream().filter(packet -> packet.ssrc() != firstNew.ssrc() && !packet.lost()
                && packet.arrivalNanos() > firstNew.arrivalNanos()).map(JitterBufferTraceTest::key)
                .collect(Collectors.toSet());
    }
}
