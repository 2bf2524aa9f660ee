package dev.switchboard.media.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each datagram of an RTP socket to its stream. The datagram is released when the consumer returns, so the
 * consumer must copy whatever it keeps.
 */
public final class RtpInboundHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(RtpInboundHandler.class);

    private final BiConsumer<InetSocketAddress, ByteBuf> consumer;

    public RtpInboundHandler(BiConsumer<InetSocketAddress, ByteBuf> consumer) {
        this.consumer = consumer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        consumer.accept(packet.sender(), packet.content());
    }

    /** A socket error (e.g. ICMP port unreachable surfacing on send) must not end the call; log and go on. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("RTP socket {} error: {}", ctx.channel().localAddress(), cause.toString());
    }
}
