package dev.switchboard.media.jitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a packet trace deterministically: a sender (continuous, or talkspurts with DTX silence between, an
 * optional SSRC switch), then a network (base delay, jitter, isolated or burst loss, reordering, duplicates, a
 * delay spike). The same settings and seed give the same trace on every run.
 */
final class TraceBuilder {

    private static final long MILLI = 1_000_000L;
    private static final int PCMU = 0;

    private final String name;
    private final int clockRate;
    private final int frameMillis;
    private final Random random;
    private long ssrc = 0x1234_5678L;
    private int firstSequence = 1000;
    private long firstTimestamp = 160_000;
    private double seconds = 10;
    private int talkMillis;
    private int silenceMillis;
    private int baseDelayMillis = 40;
    private double uniformJitterMillis;
    private double jitterRiseAtSecond = -1;
    private double risenJitterMillis;
    private double lossRate;
    private double reorderRate;
    private double duplicateRate;
    private int duplicateLagMillis;
    private double burstAtSecond = -1;
    private int burstPackets;
    private double spikeAtSecond = -1;
    private int spikeMillis;
    private double switchAtSecond = -1;
    private long newSsrc;
    private int newSequence;
    private long newTimestamp;
    private int stragglers;

    TraceBuilder(String name, int clockRate, int frameMillis, long seed) {
        this.name = name;
        this.clockRate = clockRate;
        this.frameMillis = frameMillis;
        this.random = new Random(seed);
    }

    TraceBuilder seconds(double value) {
        seconds = value;
        return this;
    }

    TraceBuilder firstSequence(int value) {
        firstSequence = value;
        return this;
    }

    TraceBuilder firstTimestamp(long value) {
        firstTimestamp = value;
        return this;
    }

    /** The sender talks for {@code talk} ms, then sends nothing for {@code silence} ms (DTX without CN). */
    TraceBuilder talkspurts(int talk, int silence) {
        talkMillis = talk;
        silenceMillis = silence;
        return this;
    }

    TraceBuilder uniformJitter(double millis) {
        uniformJitterMillis = millis;
        return this;
    }

    /** From {@code atSecond} on, the jitter is {@code millis} instead. */
    TraceBuilder jitterRise(double atSecond, double millis) {
        jitterRiseAtSecond = atSecond;
        risenJitterMillis = millis;
        return this;
    }

    /** Loses this share of packets, never two in a row. */
    TraceBuilder isolatedLoss(double rate) {
        lossRate = rate;
        return this;
    }

    /** Holds this share of packets back until a millisecond after the packet sent next. */
    TraceBuilder reorder(double rate) {
        reorderRate = rate;
        return this;
    }

    TraceBuilder duplicates(double rate, int maxLagMillis) {
        duplicateRate = rate;
        duplicateLagMillis = maxLagMillis;
        return this;
    }

    TraceBuilder burstLoss(double atSecond, int packets) {
        burstAtSecond = atSecond;
        burstPackets = packets;
        return this;
    }

    /** The network stalls for {@code millis} at {@code atSecond}; what was sent meanwhile arrives when it ends. */
    TraceBuilder delaySpike(double atSecond, int millis) {
        spikeAtSecond = atSecond;
        spikeMillis = millis;
        return this;
    }

    /**
     * At {@code atSecond} the sender becomes a new SSRC with new counters; its old stream's last
     * {@code lateOldPackets} packets arrive after the new stream's first.
     */
    TraceBuilder switchSsrc(double atSecond, long ssrc, int sequence, long timestamp, int lateOldPackets) {
        switchAtSecond = atSecond;
        newSsrc = ssrc;
        newSequence = sequence;
        newTimestamp = timestamp;
        stragglers = lateOldPackets;
        return this;
    }

    PacketTrace build() {
        List<TracePacket> sent = send();
        List<TracePacket> packets = deliver(sent);
        return new PacketTrace(name, clockRate, frameMillis, List.copyOf(packets));
    }

    private List<TracePacket> send() {
        List<TracePacket> sent = new ArrayList<>();
        int ticks = clockRate * frameMillis / 1000;
        int frames = (int) Math.round(seconds * 1000 / frameMillis);
        int switchFrame = switchAtSecond < 0 ? Integer.MAX_VALUE
                : (int) Math.round(switchAtSecond * 1000 / frameMillis);
        int sequence = firstSequence;
        boolean talking = false;
        for (int frame = 0; frame < frames; frame++) {
            long at = (long) frame * frameMillis;
            boolean silent = talkMillis > 0 && at % (talkMillis + silenceMillis) >= talkMillis;
            if (frame == switchFrame) {
                sequence = newSequence;
                talking = false;
            }
            if (silent) {
                talking = false;
                continue;
            }
            boolean switched = frame >= switchFrame;
            long timestamp = switched ? newTimestamp + (long) (frame - switchFrame) * ticks
                    : firstTimestamp + (long) frame * ticks;
            sent.add(new TracePacket(at * MILLI, 0, sequence & 0xFFFF, timestamp, switched ? newSsrc : ssrc,
                    !talking, PCMU, ticks, false));
            sequence++;
            talking = true;
        }
        return sent;
    }

    private List<TracePacket> deliver(List<TracePacket> sent) {
        long[] arrivals = new long[sent.size()];
        boolean[] lost = new boolean[sent.size()];
        for (int i = 0; i < sent.size(); i++) {
            arrivals[i] = arrival(sent.get(i).sendNanos());
            lost[i] = lossRate > 0 && random.nextDouble() < lossRate && (i == 0 || !lost[i - 1]) || inBurst(sent, i);
        }
        for (int i = 0; i + 1 < sent.size(); i++) {
            if (reorderRate > 0 && random.nextDouble() < reorderRate && arrivals[i] < arrivals[i + 1]) {
                arrivals[i] = arrivals[i + 1] + MILLI;
            }
        }
        delayStragglers(sent, arrivals);
        List<TracePacket> packets = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            TracePacket packet = sent.get(i).arrivingAt(lost[i] ? TracePacket.LOST : arrivals[i]);
            packets.add(packet);
            if (!lost[i] && duplicateRate > 0 && random.nextDouble() < duplicateRate) {
                long lag = (1 + random.nextInt(duplicateLagMillis)) * MILLI;
                packets.add(packet.duplicateArrivingAt(arrivals[i] + lag));
            }
        }
        return packets;
    }

    private long arrival(long sendNanos) {
        boolean risen = jitterRiseAtSecond >= 0 && sendNanos >= Math.round(jitterRiseAtSecond * 1000) * MILLI;
        double jitter = risen ? risenJitterMillis : uniformJitterMillis;
        long arrival = sendNanos + baseDelayMillis * MILLI + Math.round(random.nextDouble() * jitter * MILLI);
        long spikeStart = Math.round(spikeAtSecond * 1000) * MILLI;
        long spikeEnd = spikeStart + spikeMillis * MILLI;
        if (spikeAtSecond >= 0 && sendNanos >= spikeStart && sendNanos < spikeEnd) {
            return spikeEnd + baseDelayMillis * MILLI + (sendNanos - spikeStart) / 100;
        }
        return arrival;
    }

    private boolean inBurst(List<TracePacket> sent, int index) {
        long start = Math.round(burstAtSecond * 1000) * MILLI;
        int first = 0;
        while (first < sent.size() && sent.get(first).sendNanos() < start) {
            first++;
        }
        return burstAtSecond >= 0 && index >= first && index < first + burstPackets;
    }

    /** The old stream's last packets arrive 10 ms after the new stream's first, one ms apart. */
    private void delayStragglers(List<TracePacket> sent, long[] arrivals) {
        int firstNew = 0;
        while (firstNew < sent.size() && sent.get(firstNew).ssrc() != newSsrc) {
            firstNew++;
        }
        for (int k = 1; switchAtSecond >= 0 && k <= stragglers && firstNew - k >= 0; k++) {
            arrivals[firstNew - k] = arrivals[firstNew] + (10 + k) * MILLI;
        }
    }
}
