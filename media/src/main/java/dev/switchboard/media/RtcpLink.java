package dev.switchboard.media;

import dev.switchboard.media.rtcp.RtcpDecoder;
import dev.switchboard.media.rtcp.RtcpFormatException;
import dev.switchboard.media.rtcp.RtcpSession;
import dev.switchboard.media.rtcp.RtcpStats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's RTCP on the wire (RFC 3550 §6): the reports {@link RtcpSession} builds go out when due, to the RTCP port
 * the caller sends its own reports from (latched like RTP), else the caller's RTP port + 1, or the RTP port itself
 * when rtcp-mux was agreed (RFC 5761); reports that arrive are decoded and fed back for loss and round-trip time.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class RtcpLink {

    private static final Logger log = LoggerFactory.getLogger(RtcpLink.class);

    private final String name;
    private final RtcpSession session;
    private Channel channel;
    private InetSocketAddress remote;
    private boolean latched;
    private long malformed;
    private long lastHeardNanos;

    RtcpLink(String name, RtcpSession session) {
        this.name = name;
        this.session = session;
    }

    /** Where reports go: {@code channel} (the RTCP socket, or the RTP socket with rtcp-mux) to {@code remote}. */
    void attach(Channel sendOn, InetSocketAddress to) {
        this.channel = sendOn;
        if (!latched) {
            this.remote = to;
        }
    }

    RtcpSession session() {
        return session;
    }

    /** A datagram that arrived on the RTCP port (or, multiplexed, on the RTP port). */
    void onDatagram(InetSocketAddress source, ByteBuf datagram, long nowNanos) {
        try {
            session.onRtcp(RtcpDecoder.decode(ByteBufUtil.getBytes(datagram)), nowNanos);
        } catch (RtcpFormatException e) {
            if (malformed++ == 0) {
                log.warn("{}: dropping RTCP from {}: {} (further drops are only counted)", name, source,
                        e.getMessage());
            }
            return;
        }
        lastHeardNanos = nowNanos;
        if (!source.equals(remote)) {
            remote = source;
        }
        latched = true;
    }

    /** Sends a report if one is due. */
    void tick(long nowNanos) {
        if (channel != null && remote != null && session.isReportDue(nowNanos)) {
            send(session.report(nowNanos));
        }
    }

    /** Says goodbye (RFC 3550 §6.6) before the sockets close. */
    void close(long nowNanos) {
        if (channel != null && remote != null && channel.isActive()) {
            session.goodbye("", nowNanos).ifPresent(this::send);
        }
    }

    /** When an RTCP packet last arrived, monotonic nanoseconds; 0 before any. */
    long lastHeardNanos() {
        return lastHeardNanos;
    }

    RtcpStats stats() {
        return session.stats();
    }

    long malformed() {
        return malformed;
    }

    private void send(byte[] packet) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(packet), remote), channel.voidPromise());
    }
}
