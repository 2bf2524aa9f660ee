package dev.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.random.RandomGenerator;

/**
 * The outbound side of one RTP stream: SSRC, sequence numbers and timestamps (RFC 3550 §5.1).
 *
 * <p>The timestamp advances by one frame on every pacing tick whether or not a packet is sent, so after a silent
 * gap it tells the receiver how long the gap was; sequence numbers advance only per packet sent, so receivers
 * can tell a gap from loss. The first packet after a gap carries the marker bit (RFC 3551 §4.1). SSRC, first
 * sequence number and first timestamp are random, as §5.1 recommends.
 *
 * <p>RFC 4733 telephone-events share the stream: same SSRC, the same sequence numbers (§2.5.1.6) and the same
 * clock, but each packet carries its event's start rather than the tick's time ({@link #eventPacket}).
 */
public final class RtpSender {

    private final long ssrc;
    private final int samplesPerFrame;
    private int sequence;
    private long timestamp;
    private boolean sentLastTick;

    public RtpSender(RandomGenerator random, int samplesPerFrame) {
        this.ssrc = random.nextLong() & 0xFFFF_FFFFL;
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextLong() & 0xFFFF_FFFFL;
        this.samplesPerFrame = samplesPerFrame;
    }

    /** Builds the packet for this tick's frame and advances the clock. */
    public ByteBuf packet(ByteBufAllocator alloc, int payloadType, byte[] payload, int length) {
        ByteBuf packet = build(alloc, !sentLastTick, payloadType, timestamp, payload, length);
        sentLastTick = true;
        return packet;
    }

    /**
     * Builds one RFC 4733 event packet for this tick and advances the clock, like {@link #packet}, but with the
     * timestamp and marker bit given: every packet of an event carries the event's start (§2.4.1, §2.5.1.2) and
     * only its first the marker (§2.4.2). The sequence number advances as for any packet (§2.5.1.6). The next
     * audio packet starts a new talkspurt.
     */
    public ByteBuf eventPacket(ByteBufAllocator alloc, int payloadType, boolean marker, long eventTimestamp,
            byte[] payload, int length) {
        ByteBuf packet = build(alloc, marker, payloadType, eventTimestamp, payload, length);
        sentLastTick = false;
        return packet;
    }

    /** The timestamp of this tick: what the next audio packet carries, and where an event starting now begins. */
    public long timestamp() {
        return timestamp;
    }

    /** The next packet starts a new talkspurt (marker bit), even if the previous tick sent one: after a flush. */
    public void newTalkspurt() {
        sentLastTick = false;
    }

    /** A tick passed with nothing to send. */
    public void skip() {
        sentLastTick = false;
        timestamp = (timestamp + samplesPerFrame) & 0xFFFF_FFFFL;
    }

    /** Writes one packet with the next sequence number and advances the clock by a frame. */
    private ByteBuf build(ByteBufAllocator alloc, boolean marker, int payloadType, long packetTimestamp,
            byte[] payload, int length) {
        ByteBuf packet = alloc.directBuffer(RtpHeader.FIXED_HEADER_BYTES + length);
        RtpHeader.write(packet, marker, payloadType, sequence, packetTimestamp, ssrc);
        packet.writeBytes(payload, 0, length);
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + samplesPerFrame) & 0xFFFF_FFFFL;
        return packet;
    }

    public long ssrc() {
        return ssrc;
    }
}
