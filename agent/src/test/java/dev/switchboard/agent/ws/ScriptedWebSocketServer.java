package dev.switchboard.agent.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A loopback WebSocket server that plays a script, standing in for a provider in client tests. It records what the
 * client sent (the upgrade request, text messages, close frames, pongs) and lets the test push frames or close.
 * {@link #refusing} builds one that answers every upgrade with a fixed HTTP error instead.
 */
public final class ScriptedWebSocketServer implements AutoCloseable {

    /** Bound for every wait on the server's records. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    /** What the server does when a client has connected or sent a text message; runs on the server's loop. */
    public interface Script {
        default void onOpen(Peer peer) {}

        default void onText(Peer peer, String text) {}
    }

    /** The client's upgrade request. */
    public record Upgrade(String uri, HttpHeaders headers) {}

    /** A close frame as the client sent it; {@code code} is -1 when it carried no status. */
    public record CloseFrame(int code, String reason) {}

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<Upgrade> upgrades = new LinkedBlockingQueue<>();
    private final BlockingQueue<Peer> peers = new LinkedBlockingQueue<>();
    private final Channel serverChannel;
    /** While set, upgrades are refused with this status and {@link #refusalBody}: a provider outage. */
    private volatile HttpResponseStatus refusal;
    private volatile String refusalBody;
    private final AtomicInteger refused = new AtomicInteger();

    /** Exactly one of {@code script} (complete upgrades) and {@code refusal} (refuse them) is given. */
    private ScriptedWebSocketServer(Script script, HttpResponseStatus refusal, String refusalBody) {
        this.refusal = refusal;
        this.refusalBody = refusalBody;
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024));
                        HttpResponseStatus refusing = ScriptedWebSocketServer.this.refusal;
                        if (refusing == null) {
                            channel.pipeline().addLast(new WebSocketServerProtocolHandler(
                                    WebSocketServerProtocolConfig.newBuilder()
                                            .websocketPath("/")
                                            .checkStartsWith(true)
                                            .handleCloseFrames(false)
                                            .dropPongFrames(false)
                                            .sendCloseFrame(null)
                                            .build()));
                            channel.pipeline().addLast(new PeerHandler(script));
                        } else {
                            channel.pipeline().addLast(new Refuser(refusing, ScriptedWebSocketServer.this.refusalBody));
                        }
                    }
                })
                .bind("127.0.0.1", 0)
                .syncUninterruptibly()
                .channel();
    }

    /** A server that completes every upgrade and then follows {@code script}. */
    public static ScriptedWebSocketServer accepting(Script script) {
        return new ScriptedWebSocketServer(script, null, null);
    }

    /** A server that answers every upgrade request with {@code status} and a JSON {@code body}, then closes. */
    public static ScriptedWebSocketServer refusing(HttpResponseStatus status, String body) {
        return new ScriptedWebSocketServer(null, status, body);
    }

    /**
     * Refuses every upgrade from now on with {@code status} and a JSON {@code body}, as a provider in an outage
     * does; connections already open stay open.
     */
    public void refuseUpgrades(HttpResponseStatus status, String body) {
        refusalBody = body;
        refusal = status;
    }

    /** Completes upgrades again after {@link #refuseUpgrades}; only for a server built {@link #accepting}. */
    public void acceptUpgrades() {
        refusal = null;
    }

    /** How many upgrade requests have been refused so far. */
    public int refusedUpgrades() {
        return refused.get();
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** {@code ws://127.0.0.1:PORT} followed by {@code pathAndQuery}. */
    public URI uri(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + port() + pathAndQuery);
    }

    public Upgrade nextUpgrade() throws InterruptedException {
        return take(upgrades, "an upgrade request");
    }

    public Peer nextPeer() throws InterruptedException {
        return take(peers, "a WebSocket client");
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException {
        T next = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(next, "no " + what + " within " + WAIT);
        return next;
    }

    /** One connected client, seen from the server. Its methods may be called from any thread. */
    public static final class Peer {

        private final Channel channel;
        private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        private final BlockingQueue<CloseFrame> closeFrames = new LinkedBlockingQueue<>();
        private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        private volatile boolean closeSent;

        private Peer(Channel channel) {
            this.channel = channel;
        }

        public void sendText(String text) {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }

        /** Sends {@code first} and {@code second} as two fragments of one text message (RFC 6455 §5.4). */
        public void sendFragmented(String first, String second) {
            channel.write(new TextWebSocketFrame(false, 0, first));
            channel.writeAndFlush(new ContinuationWebSocketFrame(true, 0, second));
        }

        public void sendBinary(byte[] data) {
            channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data)));
        }

        public void ping(String payload) {
            channel.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)));
        }

        /** Starts the closing handshake; the socket closes once the client answers (or drops). */
        public void close(int code, String reason) {
            closeSent = true;
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
        }

        /** Sends a close frame without a status code, which RFC 6455 §7.1.5 reports as 1005. */
        public void closeWithoutStatus() {
            closeSent = true;
            channel.writeAndFlush(new CloseWebSocketFrame(true, 0, Unpooled.EMPTY_BUFFER));
        }

        /** Drops the TCP connection without a closing handshake. */
        public void drop() {
            channel.close();
        }

        public String nextText() throws InterruptedException {
            return take(texts, "text message from the client");
        }

        public CloseFrame nextCloseFrame() throws InterruptedException {
            return take(closeFrames, "close frame from the client");
        }

        public String nextPong() throws InterruptedException {
            return take(pongs, "pong from the client");
        }

        /** The socket is closed, on both sides as far as this server knows. */
        public boolean awaitDisconnected() {
            return channel.closeFuture().awaitUninterruptibly(WAIT.toMillis());
        }
    }

    /** Completes the handshake, records the client's frames and runs the script. */
    private final class PeerHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final Script script;
        private Peer peer;

        PeerHandler(Script script) {
            this.script = script;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
                upgrades.add(new Upgrade(handshake.requestUri(), handshake.requestHeaders().copy()));
                peer = new Peer(ctx.channel());
                peers.add(peer);
                script.onOpen(peer);
            } else {
                super.userEventTriggered(ctx, event);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            switch (frame) {
                case TextWebSocketFrame text -> {
                    peer.texts.add(text.text());
                    script.onText(peer, text.text());
                }
                case PongWebSocketFrame pong -> peer.pongs.add(pong.content().toString(StandardCharsets.UTF_8));
                case CloseWebSocketFrame close -> answerClose(ctx, close);
                default -> { }
            }
        }

        /** RFC 6455 §5.5.1: answer a close with a close unless one was already sent, then end the connection. */
        private void answerClose(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
            peer.closeFrames.add(new CloseFrame(close.statusCode(), close.reasonText()));
            if (peer.closeSent) {
                ctx.close();
                return;
            }
            peer.closeSent = true;
            ByteBuf echo = close.content().retainedDuplicate();
            ctx.writeAndFlush(new CloseWebSocketFrame(true, 0, echo)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Refuses the upgrade with a fixed status and body, recording the request. */
    private final class Refuser extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final HttpResponseStatus status;
        private final String body;

        Refuser(HttpResponseStatus status, String body) {
            this.status = status;
            this.body = body;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            upgrades.add(new Upgrade(request.uri(), request.headers().copy()));
            refused.incrementAndGet();
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
