package dev.switchboard.agent.local;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Turns an HTTP request into a realtime WebSocket session (RFC 6455 §4.2) — or refuses it: 404 for any path but
 * {@value #REALTIME_PATH}, 400 for a request that is not a WebSocket upgrade, 503 when the session limit is reached.
 * The {@code model} query parameter names the session's behaviour: a scripted {@link LocalAgent}, or echo for any
 * other name; a missing one is reported as {@value #DEFAULT_MODEL}. Request headers, {@code Authorization} included, are never inspected or
 * logged. Of the offered subprotocols only {@code realtime} is ever selected, never a browser's
 * {@code openai-insecure-api-key.…} one.
 */
final class RealtimeHandshakeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String REALTIME_PATH = "/v1/realtime";
    static final String DEFAULT_MODEL = "echo";

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeHandshakeHandler.class);

    private final LocalEngineSettings settings;
    private final SessionRegistry sessions;
    private final Ids ids;
    private final Function<String, SessionBehaviour> behaviours;

    /** @param behaviours the behaviour of a new session, by model name */
    RealtimeHandshakeHandler(LocalEngineSettings settings, SessionRegistry sessions, Ids ids,
                             Function<String, SessionBehaviour> behaviours) {
        this.settings = settings;
        this.sessions = sessions;
        this.ids = ids;
        this.behaviours = behaviours;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        if (!REALTIME_PATH.equals(uri.path())) {
            refuse(ctx, HttpResponseStatus.NOT_FOUND, "no such endpoint; connect a WebSocket to " + REALTIME_PATH);
            return;
        }
        if (!isWebSocketUpgrade(request)) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, REALTIME_PATH + " accepts WebSocket upgrades only");
            return;
        }
        if (!sessions.tryAdmit(ctx.channel())) {
            refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "too many concurrent sessions (at most " + sessions.maxSessions() + ")");
            return;
        }
        upgrade(ctx, request, modelOf(uri));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String model) {
        WebSocketDecoderConfig decoderConfig = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(settings.maxMessageBytes())
                .allowExtensions(false)
                .build();
        String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "127.0.0.1") + REALTIME_PATH;
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(location, "realtime", decoderConfig).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        RealtimeSocketHandler socket = new RealtimeSocketHandler(handshaker, model, behaviours.apply(model), ids,
                settings.deltaInterval());
        ctx.pipeline().addLast("ws-aggregator", new WebSocketFrameAggregator(settings.maxMessageBytes()));
        ctx.pipeline().addLast("realtime-session", socket);
        ctx.pipeline().remove(this);
        handshaker.handshake(ctx.channel(), request).addListener(done -> {
            if (done.isSuccess()) {
                LOG.debug("local realtime session opened on {} (model {})", ctx.channel().remoteAddress(), model);
                socket.sessionOpened();
            } else {
                LOG.debug("WebSocket handshake failed: {}", done.cause().toString());
                ctx.channel().close();
            }
        });
    }

    private static boolean isWebSocketUpgrade(FullHttpRequest request) {
        return HttpMethod.GET.equals(request.method())
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static String modelOf(QueryStringDecoder uri) {
        List<String> models = uri.parameters().get("model");
        return models == null || models.isEmpty() || models.getFirst().isBlank() ? DEFAULT_MODEL : models.getFirst();
    }

    private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String reason) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(reason + "\n", StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
