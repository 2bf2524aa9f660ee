package dev.switchboard.media.jitter;

import dev.switchboard.media.rtcp.InterarrivalJitter;
import java.util.List;
import java.util.Objects;

/**
 * Adaptive jitter buffer for one inbound RTP audio stream: packets go in as they arrive, and on each tick of the
 * call's loop the audio that is due comes out, in timestamp order, with the gaps marked for concealment or comfort
 * noise.
 *
 * <pre>
 *  offer ─► which stream? ─► extend seq/ts ─► duplicate? late? ─► PacketStore
 *              │                  │
 *              │                  └─► DelayEstimator (target), InterarrivalJitter (RFC 3550 J)
 *              └─► new SSRC / restart: re-anchor
 *  poll(now) ─► Playout ─► [Audio | ComfortNoise | Gap(LOST, SILENCE, WAITING, PADDING)]…
 * </pre>
 *
 * <p>Any clock rate and packet duration: durations come from {@link JitterBufferConfig#durations()} and all
 * timing is in ticks of the RTP clock, so 8 kHz G.711 with 10 ms packets and 48 kHz Opus with 60 ms packets run
 * the same way. The consumer decodes {@link PlayoutSegment.Audio}, conceals a gap whose cause
 * {@link PlayoutSegment.Gap.Cause#concealed() wants it} (G.711: a pitch-based PLC; Opus: its PLC, or the FEC of
 * {@link PlayoutSegment.Gap#next()}), and plays comfort noise or silence for the others.
 *
 * <p>Robustness:
 * <ul>
 *   <li>sequence numbers are extended past their 16-bit wrap (RFC 3550 A.1) and timestamps compared modulo
 *       2^32; duplicates and packets that come after their time are dropped and counted;</li>
 *   <li>a packet whose sequence number jumps 3000 or more ahead (or over 100 behind), or its timestamp over 10 s,
 *       is held until the next packet confirms that the sender restarted (A.1's probation), and is otherwise
 *       dropped: a restart is not a ten-minute gap. An empty payload is dropped;</li>
 *   <li>a new SSRC (a trunk switching media servers) takes over at once, and its first packet is placed as if it
 *       crossed the network like the old stream's newest one, right after the old stream's audio when that is
 *       closer than a frame: no long gap, no burst. The old stream's stragglers are dropped as late;</li>
 *   <li>memory is bounded: {@link JitterBufferConfig#capacity()} packets at most. An offer allocates nothing
 *       beyond keeping the payload array it is given; a poll, one small record per segment it hands out.</li>
 * </ul>
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class JitterBuffer {

    /** New-but-late packets in a row after which the sender's timeline is taken to have jumped. */
    static final int RESYNC_AFTER_LATE_PACKETS = 3;

    private final JitterBufferConfig config;
    private final int clockRate;
    private final long maxJumpTicks;
    private final PacketStore store;
    private final DelayEstimator delay;
    private final StreamMapper streams;
    private final Playout playout;
    /** RFC 3550 A.8 interarrival jitter of the current stream, started afresh when the buffer re-anchors. */
    private InterarrivalJitter jitter;
    /** When the packet being routed arrived, for the jitter estimate. */
    private long arrivalNanos;
    private final InboundPacket incoming = new InboundPacket();
    private final InboundPacket held = new InboundPacket();
    private boolean clockStarted;
    private long originNanos;
    private long highestSequence = Long.MIN_VALUE;
    /** Extended timestamp where the packet with the highest sequence number ends. */
    private long streamEnd;
    /** Transit of the packet with the highest sequence number. */
    private long newestTransit;
    private long received;
    private long late;
    private long duplicate;
    private long reordered;
    private long invalid;
    private long restarts;
    /** New packets in a row that came after their time, none much quicker than the first of them. */
    private int lateRun;
    /** Transit of the first packet of {@link #lateRun}. */
    private long lateRunTransit;

    public JitterBuffer(JitterBufferConfig config) {
        this.config = config;
        this.clockRate = config.clockRate();
        this.maxJumpTicks = (long) Numbering.MAX_JUMP_SECONDS * clockRate;
        this.store = new PacketStore(config.capacity());
        this.delay = new DelayEstimator(config);
        this.streams = new StreamMapper(clockRate);
        this.playout = new Playout(config, store, delay);
        this.jitter = new InterarrivalJitter(clockRate);
    }

    /**
     * Takes a packet that arrived at {@code arrivalNanos} (the clock {@link #poll} is given, e.g.
     * {@link System#nanoTime()}). The buffer keeps {@code payload}, the exact payload bytes, until the packet
     * plays: the caller must not reuse the array.
     *
     * @param sequenceNumber 0..65535
     * @param timestamp      0..2^32-1
     * @param payloadType    the RTP payload type: the configured CN type makes it a comfort noise packet
     * @throws IllegalArgumentException when a header field is out of its range (a caller's bug, not the network's)
     */
    public void offer(long ssrc, int sequenceNumber, long timestamp, boolean marker, int payloadType,
            byte[] payload, long arrivalNanos) {
        Objects.requireNonNull(payload, "payload");
        if ((sequenceNumber & ~0xFFFF) != 0 || (timestamp & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("sequence number " + sequenceNumber + " or timestamp " + timestamp
                    + " does not fit its 16 or 32 bits");
        }
        received++;
        if (payload.length == 0) {
            invalid++;
            return;
        }
        boolean comfortNoise = payloadType == config.comfortNoisePayloadType();
        this.arrivalNanos = arrivalNanos;
        incoming.set(ssrc, sequenceNumber, timestamp, marker, comfortNoise, payload, arrivalTicks(arrivalNanos));
        route(incoming);
    }

    /**
     * The segments due at {@code nowNanos}, in order: call on every tick. Empty while the buffer first fills, and
     * on a tick the previous segments already cover (packets longer than the tick). The list is reused by the
     * next call.
     */
    public List<PlayoutSegment> poll(long nowNanos) {
        if (!clockStarted) {
            return List.of();
        }
        return playout.poll(arrivalTicks(nowNanos));
    }

    /**
     * Tells the buffer the last {@link PlayoutSegment.Audio} it handed out decoded to silence (the consumer's
     * call, e.g. a level below -50 dBFS). The buffer may then insert a frame of padding after it to grow its delay
     * towards the target, where nobody hears it: for phones that send continuous packets, with no talkspurts to
     * adjust at. (To shrink it, the consumer discards a silent frame: {@link #discardPlayed}.)
     */
    public void lastAudioWasSilent() {
        playout.lastAudioWasSilent();
    }

    /** Whether the delay is at least a frame over target, so a frame the consumer finds silent may be discarded. */
    public boolean overTarget() {
        return playout.overTarget();
    }

    /**
     * The consumer decoded the last {@link PlayoutSegment.Audio} to silence and did not play it, to shrink the delay
     * towards the target where nobody hears it ({@link #overTarget()} said so); {@code ticks} is its duration. It
     * counts as {@link JitterStats#dropped() dropped}, not played.
     */
    public void discardPlayed(int ticks) {
        playout.discardPlayed(ticks);
    }

    public JitterStats stats() {
        return new JitterStats(received, playout.played(), playout.lost(), late + playout.stale(), duplicate,
                reordered, store.overflowed(), invalid, playout.dropped(), restarts,
                Ticks.toMillis(playout.currentDelay(), clockRate), Ticks.toMillis(delay.target(), clockRate),
                Ticks.toMillis(jitter.jitter(), clockRate), jitter.jitter(),
                Ticks.toMillis(playout.inserted(), clockRate), Ticks.toMillis(playout.removed(), clockRate));
    }

    private long arrivalTicks(long nanos) {
        if (!clockStarted) {
            originNanos = nanos;
            clockStarted = true;
        }
        return Ticks.fromNanos(nanos - originNanos, clockRate);
    }

    private void route(InboundPacket packet) {
        switch (streams.classify(packet.ssrc, packet.sequence, packet.timestamp, packet.arrival)) {
            case CURRENT -> {
                rejectHeld();
                accept(packet);
            }
            case STALE -> late++;
            case NEW_SOURCE -> {
                rejectHeld();
                reanchor(packet);
                accept(packet);
            }
            case JUMP -> onJump(packet);
        }
    }

    /**
     * A sequence number or timestamp out of reach: one such packet is held, and the next one, if it follows it,
     * confirms that the sender restarted; a lone one is garbage.
     */
    private void onJump(InboundPacket packet) {
        if (held.present() && held.precedes(packet, maxJumpTicks)) {
            reanchor(held);
            accept(held);
            held.clear();
            route(packet);
            return;
        }
        rejectHeld();
        held.copyFrom(packet);
    }

    private void rejectHeld() {
        if (held.present()) {
            invalid++;
            held.clear();
        }
    }

    /**
     * Makes the packet's stream the current one. After the first, a new stream continues the buffer's numbering:
     * its first packet is placed as if it took the old stream's newest packet's transit, and snapped to the end of
     * the old stream's audio when that is less than a frame away (or ahead), so the switch adds no gap and no
     * overlap.
     */
    private void reanchor(InboundPacket packet) {
        jitter = new InterarrivalJitter(clockRate);
        if (highestSequence == Long.MIN_VALUE) {
            streams.begin(packet.ssrc, packet.sequence, packet.timestamp, packet.sequence, packet.timestamp,
                    packet.arrival);
            return;
        }
        restarts++;
        long end = playout.started() ? Math.max(streamEnd, playout.position()) : streamEnd;
        long aligned = packet.arrival - newestTransit;
        long start = aligned < end + playout.frameTicks() ? end : aligned;
        streams.begin(packet.ssrc, packet.sequence, packet.timestamp, highestSequence + 1, start, packet.arrival);
    }

    /**
     * Stores a packet of the current stream, as {@link StreamMapper#mapped()} numbers it. Packets that are new in
     * sequence yet keep arriving after their time mean the sender's timestamps stopped following its clock (a
     * gateway that does not advance them over a pause, a stream resumed after hold): the talkspurt that starts
     * with a marker bit, or the {@value #RESYNC_AFTER_LATE_PACKETS}th such packet in a row (see {@link #lateAgain}),
     * re-anchors the playout on them rather than drop the rest of the call as late.
     */
    private void accept(InboundPacket packet) {
        Numbering numbering = streams.mapped();
        long sequence = numbering.mappedSequence();
        long timestamp = numbering.mappedTimestamp();
        long transit = packet.arrival - timestamp;
        if (sequence > highestSequence && playout.isLate(sequence, timestamp)) {
            if (packet.marker || lateAgain(transit)) {
                lateRun = 0;
                reanchor(packet);
                accept(packet);
                return;
            }
        } else if (sequence > highestSequence) {
            lateRun = 0;
        }
        jitter.onPacket(packet.timestamp, arrivalNanos);
        if (store.holdsOrPlayed(sequence)) {
            duplicate++;
            return;
        }
        delay.add(transit, packet.arrival);
        int ticks = packet.comfortNoise ? 0 : ticksOf(packet.payload);
        if (sequence > highestSequence) {
            highestSequence = sequence;
            newestTransit = transit;
            streamEnd = timestamp + ticks;
        } else {
            reordered++;
        }
        if (playout.isLate(sequence, timestamp) || !store.put(sequence, timestamp, packet.sequence,
                packet.timestamp, ticks, packet.marker, packet.comfortNoise, packet.payload)) {
            late++;
        }
    }

    /**
     * Counts a new packet that came after its time, and says whether it is the {@value #RESYNC_AFTER_LATE_PACKETS}th
     * of a run. A run is of packets that keep arriving in real time: one whose transit is over half a frame shorter
     * than the run's first starts a new run. The backlog of a network stall arrives all at once, each packet's
     * transit a frame shorter than the one before: that is a delay, for the target to follow and the late packets to
     * be lost, not a jump in the sender's timeline. Re-anchoring on it would play stream time whose loss was already
     * concealed, and push the delay beyond its maximum.
     */
    private boolean lateAgain(long transit) {
        if (lateRun == 0 || transit < lateRunTransit - playout.frameTicks() / 2) {
            lateRun = 0;
            lateRunTransit = transit;
        }
        return ++lateRun >= RESYNC_AFTER_LATE_PACKETS;
    }

    private int ticksOf(byte[] payload) {
        int ticks = config.durations().ticks(payload);
        return ticks > 0 ? ticks : playout.frameTicks();
    }
}
