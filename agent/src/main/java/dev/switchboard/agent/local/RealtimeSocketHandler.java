package dev.switchboard.agent.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * The WebSocket end of one session (RFC 6455): JSON text messages in and out, ping/pong and the closing handshake.
 * Messages are handed to the {@link LocalSession}; a message that is not JSON, or a binary one, gets an
 * {@code error} event and the session carries on. Protocol violations and oversized messages close only this
 * connection (1009 for too big, RFC 6455 §7.4.1); an unexpected failure closes it with 1011.
 */
final class RealtimeSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeSocketHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocketServerHandshaker handshaker;
    private final String model;
    private final SessionBehaviour behaviour;
    private final Ids ids;
    private final Duration deltaInterval;
    private ChannelHandlerContext ctx;
    private LocalSession session;

    RealtimeSocketHandler(WebSocketServerHandshaker handshaker, String model, SessionBehaviour behaviour, Ids ids,
                          Duration deltaInterval) {
        this.handshaker = handshaker;
        this.model = model;
        this.behaviour = behaviour;
        this.ids = ids;
        this.deltaInterval = deltaInterval;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.session = new LocalSession(model, behaviour, ids, this, context.executor(), deltaInterval);
    }

    /** The 101 response went out: greet the client. */
    void sessionOpened() {
        session.open();
    }

    @Override
    public void send(ObjectNode event) {
        if (!ctx.channel().isActive()) {
            return;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise server event " + event.get("type"), e);
        }
        ctx.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)));
    }

    @Override
    public boolean writable() {
        return ctx.channel().isWritable();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
        switch (frame) {
            case TextWebSocketFrame text -> readMessage(text);
            case BinaryWebSocketFrame ignored -> session.onUnreadableMessage(
                    "Binary WebSocket messages are not supported; send each event as JSON in a text message.");
            case PingWebSocketFrame ping -> context.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            case CloseWebSocketFrame close -> handshaker.close(context.channel(), close.retain());
            default -> { }
        }
    }

    private void readMessage(TextWebSocketFrame text) {
        JsonNode message;
        try (InputStream in = new ByteBufInputStream(text.content())) {
            message = JSON.readTree(in);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            session.onUnreadableMessage("The message is not valid JSON: " + why);
            return;
        }
        if (message == null || message.isMissingNode()) {
            session.onUnreadableMessage("The message is empty; expected a JSON event.");
            return;
        }
        session.onMessage(message);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.debug("closing idle local realtime session on {}", context.channel().remoteAddress());
            closeWith(context, WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "idle timeout");
        } else {
            super.userEventTriggered(context, event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        session.close();
        LOG.debug("local realtime session closed on {}", context.channel().remoteAddress());
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            closeWith(context, WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too big");
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            LOG.debug("WebSocket protocol violation on {}: {}", context.channel().remoteAddress(), cause.toString());
            context.close();
        } else {
            LOG.warn("local realtime session on {} failed; closing it", context.channel().remoteAddress(), cause);
            closeWith(context, WebSocketCloseStatus.INTERNAL_SERVER_ERROR, "internal error");
        }
    }

    private static void closeWith(ChannelHandlerContext context, WebSocketCloseStatus status, String reason) {
        if (context.channel().isActive()) {
            context.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
