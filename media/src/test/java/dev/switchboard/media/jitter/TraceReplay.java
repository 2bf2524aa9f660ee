package dev.switchboard.media.jitter;

import dev.switchboard.media.jitter.PlayoutSegment.Audio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Replays a trace through a jitter buffer on a simulated clock: packets are offered at their arrival times and
 * the buffer is polled on a 20 ms tick, as the call's loop does, in time order (a packet arriving at the instant
 * of a tick is offered first). Each audio segment goes to a {@link Listener} that treats it as
 * {@code CallerStream} treats the PCM it decodes. Records every segment with the tick that handed it out and what
 * the listener did with it.
 */
final class TraceReplay {

    static final long TICK_NANOS = 20_000_000L;
    /** Ticks are not aligned with the sender's clock. */
    static final long TICK_PHASE_NANOS = 7_300_000L;
    private static final long RUN_OUT_NANOS = 1_000_000_000L;
    /** What a payload that decodes to speech holds; a silent one is all zeros. */
    private static final byte SPEECH = 0x55;

    /** What the listener did with a segment. Only audio is ever reported silent or discarded. */
    enum Heard {
        /** Played as it came: speech, any gap or CN, or silence too short to count. */
        PLAYED,
        /** Played, and reported silent with {@link JitterBuffer#lastAudioWasSilent()}. */
        PLAYED_SILENT,
        /** Not played: silent while the buffer was over target, given back with {@link JitterBuffer#discardPlayed}. */
        DISCARDED
    }

    /** A segment, the tick that handed it out, and what the listener did with it. */
    record Played(long tickNanos, PlayoutSegment segment, Heard heard) {

        boolean discarded() {
            return heard == Heard.DISCARDED;
        }
    }

    /**
     * The buffer's state after a tick.
     *
     * @param outputTicks    what the listener played so far, discarded audio not
     * @param discardedTicks the audio the listener discarded on this tick
     */
    record Tick(long nanos, long outputTicks, long discardedTicks, double currentDelayMillis,
            double targetDelayMillis) {}

    /** What a replay produced. {@code sources} maps each offered payload array back to its trace packet. */
    record Result(PacketTrace trace, List<Played> played, List<Tick> ticks, Map<byte[], TracePacket> sources,
            JitterStats stats, long firstOutputNanos) {

        TracePacket source(Audio audio) {
            return sources.get(audio.payload());
        }

        long discarded() {
            return played.stream().filter(Played::discarded).count();
        }
    }

    private TraceReplay() {
    }

    /** Replays a caller who never falls silent: every payload decodes to speech. */
    static Result run(PacketTrace trace, JitterBufferConfig config) {
        return run(trace, config, packet -> false);
    }

    /** Replays a caller whose packets for which {@code silent} holds decode to silence. */
    static Result run(PacketTrace trace, JitterBufferConfig config, Predicate<TracePacket> silent) {
        JitterBuffer buffer = new JitterBuffer(config);
        Listener listener = new Listener(buffer);
        List<TracePacket> arrivals = trace.arrivals();
        Map<byte[], TracePacket> sources = new IdentityHashMap<>();
        List<Played> played = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        long end = trace.lastArrivalNanos() + RUN_OUT_NANOS;
        long firstOutput = -1;
        long output = 0;
        int next = 0;
        for (long tick = TICK_PHASE_NANOS; tick < end; tick += TICK_NANOS) {
            while (next < arrivals.size() && arrivals.get(next).arrivalNanos() <= tick) {
                TracePacket packet = arrivals.get(next++);
                offer(buffer, packet, silent.test(packet), sources);
            }
            long discarded = 0;
            for (PlayoutSegment segment : buffer.poll(tick)) {
                Heard heard = segment instanceof Audio audio ? listener.hear(audio) : Heard.PLAYED;
                played.add(new Played(tick, segment, heard));
                discarded += heard == Heard.DISCARDED ? segment.ticks() : 0;
                output += heard == Heard.DISCARDED ? 0 : segment.ticks();
                firstOutput = firstOutput < 0 ? tick : firstOutput;
            }
            JitterStats stats = buffer.stats();
            ticks.add(new Tick(tick, output, discarded, stats.currentDelayMillis(), stats.targetDelayMillis()));
        }
        return new Result(trace, played, ticks, sources, buffer.stats(), firstOutput);
    }

    private static void offer(JitterBuffer buffer, TracePacket packet, boolean silent,
            Map<byte[], TracePacket> sources) {
        byte[] payload = new byte[packet.ticks()];
        Arrays.fill(payload, silent ? 0 : SPEECH);
        sources.put(payload, packet);
        buffer.offer(packet.ssrc(), packet.sequence(), packet.timestamp(), packet.marker(), packet.payloadType(),
                payload, packet.arrivalNanos());
    }

    /**
     * The consumer's side of the silence contract, as {@code CallerStream} keeps it: "decoding" a payload finds it
     * silent when it is all zeros; from the {@value #SILENT_RUN_BEFORE_DISCARD}th silent frame in a row, a frame is
     * discarded while the buffer is {@link JitterBuffer#overTarget() over target} and reported silent otherwise.
     */
    private static final class Listener {

        /** {@code CallerStream.SILENT_RUN_BEFORE_DISCARD}: a pause between sentences, not between words. */
        static final int SILENT_RUN_BEFORE_DISCARD = 5;

        private final JitterBuffer buffer;
        private int silentRun;

        Listener(JitterBuffer buffer) {
            this.buffer = buffer;
        }

        Heard hear(Audio audio) {
            boolean silent = true;
            for (byte sample : audio.payload()) {
                silent &= sample == 0;
            }
            silentRun = silent ? silentRun + 1 : 0;
            if (silentRun < SILENT_RUN_BEFORE_DISCARD) {
                return Heard.PLAYED;
            }
            if (buffer.overTarget()) {
                buffer.discardPlayed(audio.ticks());
                return Heard.DISCARDED;
            }
            buffer.lastAudioWasSilent();
            return Heard.PLAYED_SILENT;
        }
    }
}
