package dev.switchboard.agent.ws;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

/**
 * Turns Netty's pipeline events into {@link WebSocketListener} calls and guarantees the listener's contract:
 * {@code onOpen} at most once, then exactly one of {@code onClosed} or {@code onFailure}.
 */
final class WebSocketClientHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    /** RFC 6455 §7.4.1: the connection closed without a close frame. */
    private static final int ABNORMAL_CLOSURE = 1006;
    private static final int MAX_BODY_CHARS = 500;

    private final WebSocketConnection connection;
    private final WebSocketListener listener;
    private boolean opened;
    private boolean finished;
    private int closeCode = ABNORMAL_CLOSURE;
    private String closeReason = "connection lost";
    private Throwable failure;
    private String refusalBody = "";

    WebSocketClientHandler(WebSocketConnection connection, WebSocketListener listener) {
        this.connection = connection;
        this.listener = listener;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            opened = true;
            connection.markOpen();
            listener.onOpen(connection);
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            failure = new TimeoutException("WebSocket handshake timed out");
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (finished) {
            return;
        }
        switch (frame) {
            case TextWebSocketFrame text -> listener.onText(text.text());
            case BinaryWebSocketFrame binary -> listener.onBinary(ByteBufUtil.getBytes(binary.content()));
            case CloseWebSocketFrame close -> {
                // RFC 6455 §7.1.5: a close frame without a status code is reported as 1005.
                closeCode = close.statusCode() == -1 ? 1005 : close.statusCode();
                closeReason = close.reasonText();
                connection.echoClose(close.statusCode());
            }
            default -> { }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (opened) {
            closeReason = cause.toString();
        } else {
            failure = cause instanceof WebSocketClientHandshakeException handshake ? refused(handshake) : cause;
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        finish();
        super.channelInactive(ctx);
    }

    /** The TCP connection could not be made; the channel never became active, so no other event reports it. */
    void connectFailed(Throwable cause) {
        failure = cause;
        finish();
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (opened) {
            listener.onClosed(closeCode, closeReason);
        } else {
            listener.onFailure(failure != null ? failure : new ClosedChannelException());
        }
    }

    /**
     * Keeps the body of a refused upgrade (providers explain a 401 or 404 there). Netty's handshake exception
     * keeps only the status line and headers, so the body is taken as the response passes by.
     */
    void refusalBody(FullHttpResponse response) {
        String body = response.content().toString(StandardCharsets.UTF_8).strip();
        refusalBody = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) + "…" : body;
    }

    private Throwable refused(WebSocketClientHandshakeException e) {
        HttpResponse response = e.response();
        return response == null ? e : new WebSocketHandshakeRefused(response.status().code(), refusalBody);
    }
}
