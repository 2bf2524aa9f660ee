package dev.switchboard.sip.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one admin request. {@code GET /healthz} is open; everything else needs {@code Authorization: Bearer
 * <admin.token>}, compared in constant time, and is refused outright when no token is configured.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminView view;
    private final byte[] token;

    AdminHandler(AdminView view, String token) {
        this.view = view;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
        String path = new java.net.URI(request.uri()).getPath();
        if (request.method() == HttpMethod.GET && "/healthz".equals(path)) {
            send(ctx, HttpResponseStatus.OK, "text/plain", "ok\n");
            return;
        }
        if (token == null) {
            send(ctx, HttpResponseStatus.FORBIDDEN, "text/plain", "admin API disabled: set admin.token\n");
            return;
        }
        if (!authorized(request)) {
            FullHttpResponse response = response(HttpResponseStatus.UNAUTHORIZED, "text/plain", "unauthorized\n");
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            write(ctx, response);
            return;
        }
        route(ctx, request.method(), path);
    }

    private void route(ChannelHandlerContext ctx, HttpMethod method, String path) throws Exception {
        if (method == HttpMethod.GET && "/metrics".equals(path)) {
            send(ctx, HttpResponseStatus.OK, "text/plain; version=0.0.4", view.metrics());
        } else if (method == HttpMethod.GET && "/calls".equals(path)) {
            send(ctx, HttpResponseStatus.OK, "application/json", JSON.writeValueAsString(view.calls()));
        } else if (method == HttpMethod.POST && path.startsWith("/calls/") && path.endsWith("/hangup")) {
            String callId = java.net.URLDecoder.decode(
                    path.substring("/calls/".length(), path.length() - "/hangup".length()), StandardCharsets.UTF_8);
            boolean found = view.hangUp(callId);
            send(ctx, found ? HttpResponseStatus.ACCEPTED : HttpResponseStatus.NOT_FOUND, "text/plain",
                    found ? "hanging up\n" : "no such call\n");
        } else {
            send(ctx, HttpResponseStatus.NOT_FOUND, "text/plain", "not found\n");
        }
    }

    private boolean authorized(FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("admin connection error: {}", cause.toString());
        send(ctx, HttpResponseStatus.BAD_REQUEST, "text/plain", "bad request\n");
    }

    private static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String body) {
        write(ctx, response(status, type, body));
    }

    private static FullHttpResponse response(HttpResponseStatus status, String type, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    /** One request per connection keeps the server simple and bounds what a client can hold open. */
    private static void write(ChannelHandlerContext ctx, FullHttpResponse response) {
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
