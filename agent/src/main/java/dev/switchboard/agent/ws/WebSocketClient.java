package dev.switchboard.agent.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Opens client WebSockets ({@code ws://} and {@code wss://}) on a given event loop.
 *
 * <p>DNS lookups block, so the host is resolved on a virtual thread and the TCP connection is then started on the
 * loop; nothing here ever blocks the loop. TLS verifies the server's certificate and host name against the JDK's
 * trust store.
 */
public final class WebSocketClient {

    /** Largest message accepted from a provider; OpenAI allows 15 MiB events. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1 << 20, 4 << 20);
    private static final Executor RESOLVER = Executors.newVirtualThreadPerTaskExecutor();

    private WebSocketClient() {}

    /**
     * Starts connecting to {@code uri} and returns the connection at once; the outcome arrives on
     * {@code listener}, on {@code loop}.
     *
     * @param headers extra request headers, such as {@code Authorization}
     */
    public static WebSocketConnection connect(
            URI uri, Map<String, String> headers, EventLoop loop, WebSocketListener listener) {
        Endpoint endpoint = Endpoint.of(uri);
        WebSocketConnection connection = new WebSocketConnection();
        RESOLVER.execute(() -> {
            try {
                InetAddress address = InetAddress.getByName(endpoint.host());
                loop.execute(() -> start(endpoint, address, uri, headers, loop, connection, listener));
            } catch (UnknownHostException e) {
                loop.execute(() -> listener.onFailure(e));
            }
        });
        return connection;
    }

    private static void start(Endpoint endpoint, InetAddress address, URI uri, Map<String, String> headers,
            EventLoop loop, WebSocketConnection connection, WebSocketListener listener) {
        if (connection.isClosing()) {
            listener.onFailure(new java.util.concurrent.CancellationException("closed before connecting"));
            return;
        }
        SslContext tls;
        try {
            tls = endpoint.secure() ? SslContextBuilder.forClient().build() : null;
        } catch (SSLException e) {
            listener.onFailure(e);
            return;
        }
        WebSocketClientHandler handler = new WebSocketClientHandler(connection, listener);
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(socketChannelFor(loop))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        configure(ch.pipeline(), ch, endpoint, tls, uri, headers, handler);
                    }
                });
        ChannelFuture connecting = bootstrap.connect(new InetSocketAddress(address, endpoint.port()));
        connection.attach(connecting.channel());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                handler.connectFailed(f.cause());
            }
        });
    }

    private static void configure(ChannelPipeline pipeline, SocketChannel ch, Endpoint endpoint, SslContext tls,
            URI uri, Map<String, String> headers, WebSocketClientHandler handler) {
        if (tls != null) {
            SslHandler ssl = tls.newHandler(ch.alloc(), endpoint.host(), endpoint.port());
            SSLEngine engine = ssl.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
            pipeline.addLast(ssl);
        }
        HttpHeaders extra = new DefaultHttpHeaders();
        headers.forEach(extra::add);
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .customHeaders(extra)
                .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .build();
        pipeline.addLast(new HttpClientCodec());
        pipeline.addLast(new HttpObjectAggregator(64 * 1024));
        pipeline.addLast(new RefusedUpgradeSniffer(handler));
        pipeline.addLast(new WebSocketClientProtocolHandler(config));
        pipeline.addLast(new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
        pipeline.addLast(handler);
    }

    /** The socket channel type that matches the loop's I/O handler: native epoll or NIO. */
    static Class<? extends SocketChannel> socketChannelFor(EventLoop loop) {
        if (loop instanceof IoEventLoop ioLoop && ioLoop.isIoType(EpollIoHandler.class)) {
            return EpollSocketChannel.class;
        }
        return NioSocketChannel.class;
    }

    private record Endpoint(String host, int port, boolean secure) {

        static Endpoint of(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            boolean secure = switch (scheme) {
                case "wss" -> true;
                case "ws" -> false;
                default -> throw new IllegalArgumentException("not a WebSocket URI (ws:// or wss://): " + uri);
            };
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("WebSocket URI has no host: " + uri);
            }
            int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
            return new Endpoint(uri.getHost(), port, secure);
        }
    }
}
