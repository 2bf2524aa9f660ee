package dev.switchboard.agent.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Sits in front of the WebSocket handshaker and, when the upgrade is answered with anything but 101, hands the
 * response body to the connection's handler before the handshaker turns the response into an exception. It
 * removes itself after the first response.
 */
final class RefusedUpgradeSniffer extends ChannelInboundHandlerAdapter {

    private final WebSocketClientHandler handler;

    RefusedUpgradeSniffer(WebSocketClientHandler handler) {
        this.handler = handler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpResponse response) {
            if (!HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
                handler.refusalBody(response);
            }
            ctx.pipeline().remove(this);
        }
        super.channelRead(ctx, msg);
    }
}
