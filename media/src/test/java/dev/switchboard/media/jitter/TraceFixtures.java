package dev.switchboard.media.jitter;

import java.util.List;
import java.util.function.Predicate;

/** The named packet traces the buffer is tested on; each is generated from a fixed seed, the same on every run. */
final class TraceFixtures {

    static final int G711_CLOCK = 8000;
    static final int OPUS_CLOCK = 48_000;
    static final long NEW_SSRC = 0xCAFE_BABEL;

    private TraceFixtures() {
    }

    static PacketTrace clean() {
        return new TraceBuilder("clean 20 ms", G711_CLOCK, 20, 1).seconds(10).build();
    }

    /** 5% of packets overtaken by the next, 3% lost (never two in a row), 0..30 ms of uniform jitter. */
    static PacketTrace reorderLossJitter() {
        return new TraceBuilder("5% reorder, 3% loss, 30 ms jitter", G711_CLOCK, 20, 2)
                .seconds(60).uniformJitter(30).reorder(0.05).isolatedLoss(0.03).build();
    }

    static PacketTrace burstLoss() {
        return new TraceBuilder("burst of 5 lost", G711_CLOCK, 20, 3).seconds(10).uniformJitter(5)
                .burstLoss(5.0, 5).build();
    }

    /**
     * The network stalls for 300 ms at 10.2 s, in the middle of a talkspurt, then stays calm for 50 s. The
     * sender talks 1.6 s and pauses 0.4 s (DTX, no CN), so the buffer has talkspurts to adjust at.
     */
    static PacketTrace delaySpike() {
        return new TraceBuilder("300 ms delay spike", G711_CLOCK, 20, 4).seconds(60).uniformJitter(5)
                .talkspurts(1600, 400).delaySpike(10.2, 300).build();
    }

    /** The same spike on a sender that never pauses: only the consumer's silence hints let the delay move. */
    static PacketTrace delaySpikeContinuous() {
        return new TraceBuilder("300 ms delay spike, continuous", G711_CLOCK, 20, 4).seconds(60).uniformJitter(5)
                .delaySpike(10.2, 300).build();
    }

    /** A continuous stream whose jitter rises from 5 to 100 ms at 10 s. */
    static PacketTrace jitterRise() {
        return new TraceBuilder("jitter rising to 100 ms", G711_CLOCK, 20, 13).seconds(30).uniformJitter(5)
                .jitterRise(10, 100).build();
    }

    static PacketTrace sequenceWrap() {
        return new TraceBuilder("sequence wrap at 65535", G711_CLOCK, 20, 5).firstSequence(65_000).seconds(30)
                .uniformJitter(10).build();
    }

    static PacketTrace timestampWrap() {
        return new TraceBuilder("timestamp wrap at 2^32", G711_CLOCK, 20, 6).firstTimestamp((1L << 32) - 5 * 8000)
                .seconds(10).uniformJitter(10).build();
    }

    /** A new SSRC with new random counters at 5 s; the old stream's last 2 packets arrive after the new one's first. */
    static PacketTrace ssrcSwitch() {
        return new TraceBuilder("SSRC switch, late stragglers", G711_CLOCK, 20, 7).seconds(10).uniformJitter(10)
                .switchSsrc(5.0, NEW_SSRC, 40_000, 3_000_000_000L, 2).build();
    }

    static PacketTrace ssrcSwitchClean() {
        return new TraceBuilder("SSRC switch", G711_CLOCK, 20, 8).seconds(10).uniformJitter(10)
                .switchSsrc(5.0, NEW_SSRC, 40_000, 3_000_000_000L, 0).build();
    }

    /** 10% of packets delivered twice, the copy 1..40 ms after the original. */
    static PacketTrace duplicates() {
        return new TraceBuilder("duplicates", G711_CLOCK, 20, 9).seconds(10).uniformJitter(10)
                .duplicates(0.1, 40).build();
    }

    static PacketTrace thirtyMillisecondPackets() {
        return new TraceBuilder("30 ms packets", G711_CLOCK, 30, 10).seconds(10).uniformJitter(20)
                .isolatedLoss(0.03).build();
    }

    static PacketTrace tenMillisecondPackets() {
        return new TraceBuilder("10 ms packets", G711_CLOCK, 10, 11).seconds(10).uniformJitter(20)
                .isolatedLoss(0.03).build();
    }

    static PacketTrace opusSixtyMillisecondPackets() {
        return new TraceBuilder("Opus 48 kHz, 60 ms packets", OPUS_CLOCK, 60, 12).seconds(20).uniformJitter(20)
                .isolatedLoss(0.03).build();
    }

    /**
     * Which packets decode to silence for a caller who talks 1.6 s and pauses 0.4 s, on a phone that keeps sending
     * through the pauses: the silence the consumer may discard frames of, or have padding inserted after.
     */
    static Predicate<TracePacket> pausesBetweenSentences() {
        return packet -> packet.sendNanos() % 2_000_000_000L >= 1_600_000_000L;
    }

    static List<PacketTrace> all() {
        return List.of(clean(), reorderLossJitter(), burstLoss(), delaySpike(), delaySpikeContinuous(),
                jitterRise(), sequenceWrap(), timestampWrap(), ssrcSwitch(), ssrcSwitchClean(), duplicates(),
                thirtyMillisecondPackets(), tenMillisecondPackets(), opusSixtyMillisecondPackets());
    }

    /** The replay's payloads are one byte per tick, whatever the clock, so their length is their duration. */
    static JitterBufferConfig configFor(PacketTrace trace) {
        return JitterBufferConfig.forClockRate(trace.clockRate(), PacketDuration.ONE_TICK_PER_BYTE);
    }
}
