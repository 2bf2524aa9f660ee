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
        ByteBuf packet = alloc.directBuffer(RtpHeader.FIXED_HEADER_BYTES + length);
        RtpHeader.write(packet, !sentLastTick, payloadType, sequence, timestamp, ssrc);
        packet.writeBytes(payload, 0, length);
        sequence = (sequence + 1) & 0xFFFF;
        sentLastTick = true;
        timestamp = (timestamp + samplesPerFrame) & 0xFFFF_FFFFL;
        return packet;
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

    public long ssrc() {
        return ssrc;
    }
}
