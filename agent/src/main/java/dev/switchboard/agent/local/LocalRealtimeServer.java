package dev.switchboard.agent.local;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Switchboard's built-in {@code local} realtime speech engine: an in-process WebSocket server that speaks the OpenAI
 * Realtime GA protocol (reference §2) as the server side, so any OpenAI Realtime client — Switchboard's own, or the
 * official SDKs pointed at {@link #baseUri()} — can connect to {@code ws://HOST:PORT/v1/realtime?model=NAME}.
 *
 * <p>It has no language model. In echo mode (every model name, for now) each caller turn found by the server VAD,
 * or committed by the client, is answered with a response whose audio is that turn's audio.
 *
 * <p>Limits: 64 concurrent sessions (HTTP 503 beyond), 16 MiB per WebSocket message, connections idle for 10
 * minutes are closed. Runs on its own single Netty event loop thread; {@link #close()} must not be called from it.
 */
public final class LocalRealtimeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRealtimeServer.class);
    private static final int MAX_HANDSHAKE_BYTES = 8192;
    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(2);

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final SessionRegistry sessions;
    private final int port;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalRealtimeServer(EventLoopGroup group, Channel serverChannel, SessionRegistry sessions) {
        this.group = group;
        this.serverChannel = serverChannel;
        this.sessions = sessions;
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        this.port = bound.getPort();
        this.baseUri = URI.create("ws://" + hostForUri(bound.getAddress()) + ":" + port + "/v1");
    }

    /**
     * Starts the engine.
     *
     * @param bindHost address to listen on, normally {@code 127.0.0.1}
     * @param port     TCP port, 0 for an ephemeral one (see {@link #port()})
     * @throws IllegalStateException when the address cannot be bound
     */
    public static LocalRealtimeServer start(String bindHost, int port) {
        return start(bindHost, port, LocalEngineSettings.DEFAULTS);
    }

    static LocalRealtimeServer start(String bindHost, int port, LocalEngineSettings settings) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("local-realtime", true), NioIoHandler.newFactory());
        SessionRegistry sessions = new SessionRegistry(settings.maxConnections(), group.next());
        Ids ids = new Ids();
        ChannelFuture bind = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast("idle", new IdleStateHandler(0, 0,
                                settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
                        pipeline.addLast("http", new HttpServerCodec());
                        pipeline.addLast("http-aggregator", new HttpObjectAggregator(MAX_HANDSHAKE_BYTES));
                        pipeline.addLast("handshake", new RealtimeHandshakeHandler(settings, sessions, ids));
                    }
                })
                .bind(bindHost, port)
                .awaitUninterruptibly();
        if (!bind.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("local realtime engine cannot listen on " + bindHost + ":" + port,
                    bind.cause());
        }
        LocalRealtimeServer server = new LocalRealtimeServer(group, bind.channel(), sessions);
        LOG.info("local realtime engine listening on {}/realtime", server.baseUri);
        return server;
    }

    /** The bound TCP port. */
    public int port() {
        return port;
    }

    /** The base URL an OpenAI client takes in place of {@code https://api.openai.com/v1}, e.g. {@code ws://127.0.0.1:PORT/v1}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Closes every session (WebSocket close 1001), stops listening and ends the event loop; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sessions.closeAll(SHUTDOWN_BOUND);
        serverChannel.close().awaitUninterruptibly(SHUTDOWN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        group.shutdownGracefully(0, SHUTDOWN_BOUND.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(2 * SHUTDOWN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("local realtime engine on port {} stopped", port);
    }

    /** Loopback for a wildcard bind, brackets for IPv6 literals. */
    private static String hostForUri(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return address instanceof Inet6Address ? "[::1]" : "127.0.0.1";
        }
        String literal = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + literal.replaceFirst("%.*$", "") + "]" : literal;
    }
}
