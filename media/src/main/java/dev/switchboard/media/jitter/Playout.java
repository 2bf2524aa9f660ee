package dev.switchboard.media.jitter;

import dev.switchboard.media.jitter.PlayoutSegment.Audio;
import dev.switchboard.media.jitter.PlayoutSegment.ComfortNoise;
import dev.switchboard.media.jitter.PlayoutSegment.Gap;
import dev.switchboard.media.jitter.PlayoutSegment.Gap.Cause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The output side of the buffer: hands out, on each tick, as much of the stream as real time has made due.
 *
 * <p>Two clocks meet here. The output clock counts the ticks handed out since the playout started, and each poll
 * hands out segments until it has caught up with real time, so the durations add up to real time over a call
 * whatever the packet size (a 30 ms packet on a 20 ms tick goes out on two ticks of three). The stream position is
 * the timestamp of the next tick to play; it moves with the output, except where the buffer changes its delay:
 * time it inserts ({@link Cause#WAITING}, {@link Cause#PADDING}) moves only the output, stream time it removes
 * (silence cut short, a frame dropped) moves only the position.
 *
 * <p>A packet plays in time when it arrives before the position reaches its timestamp; one that arrives after is
 * late. Measured against the fastest recent packet's transit, the playout's offset between the two clocks is the
 * buffer's delay: a packet whose relative delay (see {@link DelayEstimator}) is at most that plays in time.
 *
 * <p>The delay changes only where it is not heard:
 * <ul>
 *   <li>at the start of a talkspurt (a marker bit, or a jump in timestamps with no sequence number missing: the
 *       sender was silent), where the silence is cut short or padded to bring the delay to the target;</li>
 *   <li>for phones that send packets without pause: the consumer, which has the PCM, discards a frame it decoded
 *       and found silent while the delay is over target ({@link #discardPlayed}), or says the last frame was
 *       silent ({@link #lastAudioWasSilent()}) and the buffer inserts a frame of padding after it while the delay
 *       is short of target. Dropping a frame the buffer has not seen decoded would too often drop the first
 *       frame of a word;</li>
 *   <li>when the buffer runs dry below its target: the gap is already heard, and waiting for the late packet
 *       instead of passing it grows the delay at no extra cost.</li>
 * </ul>
 * Only a delay beyond the maximum (a sender whose clock runs fast, over a long call) is shed regardless, a frame at
 * a time.
 */
final class Playout {

    /** Changes of delay smaller than this are not worth a boundary's padding or cut. */
    static final int ADJUST_THRESHOLD_MILLIS = 5;
    private static final int DEFAULT_FRAME_MILLIS = 20;
    /**
     * The shortest frame a gap is cut into: Opus's 2.5 ms. A garbage packet of a byte or two must not make the
     * buffer hand out a gap segment per tick of the clock.
     */
    private static final double MIN_FRAME_MILLIS = 2.5;

    private final PacketStore store;
    private final DelayEstimator delay;
    private final long initialTicks;
    private final long maxDelayTicks;
    private final long thresholdTicks;
    private final int minFrameTicks;
    private final List<PlayoutSegment> segments = new ArrayList<>();
    private final List<PlayoutSegment> view = Collections.unmodifiableList(segments);
    private boolean started;
    /** Arrival-clock tick at which the playout started: output tick 0. */
    private long startTicks;
    private long output;
    private long position;
    private long nextSequence;
    private int frameTicks;
    /** RTP timestamp minus extended timestamp, in the stream that played last. */
    private long rtpOffset;
    /** Padding still to hand out before the next packet. */
    private long padding;
    private boolean boundaryAdjusted;
    private boolean inSilence;
    private boolean lastAudioSilent;
    private long played;
    private long lost;
    private long stale;
    private long dropped;
    private long inserted;
    private long removed;

    Playout(JitterBufferConfig config, PacketStore store, DelayEstimator delay) {
        int clockRate = config.clockRate();
        this.store = store;
        this.delay = delay;
        this.initialTicks = Ticks.fromMillis(config.initialDelayMillis(), clockRate);
        this.maxDelayTicks = Ticks.fromMillis(config.maxDelayMillis(), clockRate);
        this.thresholdTicks = Ticks.fromMillis(ADJUST_THRESHOLD_MILLIS, clockRate);
        this.frameTicks = (int) Ticks.fromMillis(DEFAULT_FRAME_MILLIS, clockRate);
        this.minFrameTicks = (int) Math.ceil(MIN_FRAME_MILLIS * clockRate / 1000);
    }

    /**
     * The segments due at {@code nowTicks} (arrival clock): those that start playing by now. The list is reused by
     * the next poll. The playout starts at the first poll after the initial delay, with the first frame.
     */
    List<PlayoutSegment> poll(long nowTicks) {
        segments.clear();
        if (!started && !start(nowTicks)) {
            return view;
        }
        long due = nowTicks - startTicks;
        while (output <= due) {
            step();
        }
        return view;
    }

    /** Whether a packet arriving now would come after its time: the playout has passed it. */
    boolean isLate(long sequence, long timestamp) {
        return started && (timestamp < position || sequence < nextSequence);
    }

    boolean started() {
        return started;
    }

    long position() {
        return position;
    }

    /** Ticks of the packet that played last: the stream's packet duration, as far as the buffer knows. */
    int frameTicks() {
        return frameTicks;
    }

    /** How long the fastest recent packet waits before it plays, in ticks. */
    long currentDelay() {
        if (!started) {
            return initialTicks;
        }
        return output + padding + startTicks - position - delay.minTransit();
    }

    void lastAudioWasSilent() {
        lastAudioSilent = true;
    }

    /** Whether the delay is at least a frame over target: a silent frame may be discarded. */
    boolean overTarget() {
        return started && currentDelay() - delay.target() >= frameTicks;
    }

    /**
     * The consumer discarded the audio it was handed last, {@code ticks} long (it decoded to silence): the stream
     * time it covered passes without playing time, so the delay shrinks by as much and the next frame is due at
     * once. The frame counts as dropped, not played.
     */
    void discardPlayed(int ticks) {
        output -= ticks;
        removed += ticks;
        played--;
        dropped++;
    }

    long played() {
        return played;
    }

    long lost() {
        return lost;
    }

    /** Packets found behind the position when their turn came (timestamps out of order with sequence numbers). */
    long stale() {
        return stale;
    }

    long dropped() {
        return dropped;
    }

    long inserted() {
        return inserted;
    }

    long removed() {
        return removed;
    }

    private boolean start(long nowTicks) {
        StoredPacket first = store.first();
        if (nowTicks < initialTicks || first == null) {
            return false;
        }
        started = true;
        startTicks = nowTicks;
        position = first.timestamp;
        nextSequence = first.sequence;
        rtpOffset = first.rtpTimestamp - first.timestamp;
        return true;
    }

    private void step() {
        if (padding > 0) {
            int ticks = (int) Math.min(padding, frameTicks);
            padding -= ticks;
            gap(ticks, Cause.PADDING, null);
            return;
        }
        StoredPacket next = nextPacket();
        if (next == null) {
            underrun();
            return;
        }
        long hole = next.timestamp - position;
        long silence = hole - (next.sequence - nextSequence) * frameTicks;
        if (!boundaryAdjusted && (silence > 0 || next.marker)) {
            adjustAtBoundary(Math.max(0, silence));
        } else if (hole > 0) {
            fillHole(next, hole, silence);
        } else if (!next.comfortNoise && shouldDrop(next)) {
            dropped++;
            removed += next.ticks;
            consume(next, next.ticks);
        } else if (!next.comfortNoise && shouldPad()) {
            padding = frameTicks;
            lastAudioSilent = false;
        } else {
            play(next);
        }
    }

    /** The waiting packet that plays next; packets the position already passed are given up as late. */
    private StoredPacket nextPacket() {
        StoredPacket next = store.first();
        while (next != null && (next.timestamp < position || next.sequence < nextSequence)) {
            store.release(next);
            stale++;
            next = store.first();
        }
        return next;
    }

    /**
     * Nothing to play: waits (inserting time, the delay grows) while the delay is short of the target, else
     * passes the time, and a packet for it that turns up later is late.
     */
    private void underrun() {
        long shortfall = delay.target() - currentDelay();
        boolean wait = shortfall > 0;
        int ticks = wait ? (int) Math.min(frameTicks, Math.max(shortfall, minFrameTicks)) : frameTicks;
        Cause cause = inSilence ? (wait ? Cause.PADDING : Cause.SILENCE) : (wait ? Cause.WAITING : Cause.LOST);
        gap(ticks, cause, null);
    }

    /** Before a talkspurt: cuts the silence short or pads it, to bring the delay to the target. */
    private void adjustAtBoundary(long silence) {
        boundaryAdjusted = true;
        long change = delay.target() - currentDelay();
        if (change >= thresholdTicks) {
            padding += change;
        } else if (change <= -thresholdTicks) {
            long cut = Math.min(-change, silence);
            position += cut;
            removed += cut;
        }
    }

    /**
     * Time before the next packet: the part no missing sequence number accounts for is the sender's silence, the
     * rest is lost packets, one frame at a time.
     */
    private void fillHole(StoredPacket next, long hole, long silence) {
        if (silence > 0) {
            gap((int) Math.min(silence, frameTicks), Cause.SILENCE, null);
            return;
        }
        int ticks = (int) Math.min(hole, frameTicks);
        boolean endsAtNext = ticks == hole && !next.comfortNoise;
        gap(ticks, Cause.LOST, endsAtNext ? next.payload : null);
    }

    /** Drops a frame, whatever it holds, while the delay is over the max: a burst of packets after a stall. */
    private boolean shouldDrop(StoredPacket next) {
        return currentDelay() - next.ticks > maxDelayTicks;
    }

    private boolean shouldPad() {
        return lastAudioSilent && delay.target() - currentDelay() >= frameTicks / 2;
    }

    /** Hands out a packet. CN takes no time itself: the silence after it does. */
    private void play(StoredPacket next) {
        rtpOffset = next.rtpTimestamp - next.timestamp;
        if (next.comfortNoise) {
            segments.add(new ComfortNoise(next.rtpTimestamp, next.payload));
            inSilence = true;
            consume(next, 0);
        } else {
            segments.add(new Audio(next.rtpTimestamp, next.ticks, next.rtpSequence, next.payload));
            inSilence = false;
            frameTicks = Math.max(next.ticks, minFrameTicks);
            output += next.ticks;
            consume(next, next.ticks);
        }
        played++;
    }

    private void consume(StoredPacket next, int ticks) {
        lost += next.sequence - nextSequence;
        nextSequence = next.sequence + 1;
        position = next.timestamp + ticks;
        store.release(next);
        boundaryAdjusted = false;
        lastAudioSilent = false;
    }

    private void gap(int ticks, Cause cause, byte[] next) {
        segments.add(new Gap((position + rtpOffset) & 0xFFFF_FFFFL, ticks, cause, next));
        output += ticks;
        if (cause.streamTime()) {
            position += ticks;
        } else {
            inserted += ticks;
        }
    }
}
