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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Switchboard's built-in {@code local} realtime speech engine: an in-process WebSocket server that speaks the OpenAI
 * Realtime GA protocol (reference §2) as the server side, so any OpenAI Realtime client — Switchboard's own, or the
 * official SDKs pointed at {@link #baseUri()} — can connect to {@code ws://HOST:PORT/v1/realtime?model=NAME}.
 *
 * <p>It has no language model. The {@code model} query parameter picks what stands in for one:
 * <ul>
 *   <li>the name of one of the {@link LocalAgent}s the server was started with: that agent's script answers the
 *       client's text items and tool results with speech from an offline voice, and makes function calls;</li>
 *   <li>any other name, {@code echo} included, or none: echo mode — each caller turn found by the server VAD, or
 *       committed by the client, is answered with a response whose audio is that turn's audio.</li>
 * </ul>
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
    private final SpeechSynthesizer speech;
    private final int port;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalRealtimeServer(EventLoopGroup group, Channel serverChannel, SessionRegistry sessions,
                                SpeechSynthesizer speech) {
        this.group = group;
        this.serverChannel = serverChannel;
        this.sessions = sessions;
        this.speech = speech;
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        this.port = bound.getPort();
        this.baseUri = URI.create("ws://" + hostForUri(bound.getAddress()) + ":" + port + "/v1");
    }

    /**
     * Starts the engine with echo mode only.
     *
     * @param bindHost address to listen on, normally {@code 127.0.0.1}
     * @param port     TCP port, 0 for an ephemeral one (see {@link #port()})
     * @throws IllegalStateException when the address cannot be bound
     */
    public static LocalRealtimeServer start(String bindHost, int port) {
        return start(bindHost, port, Map.of());
    }

    /**
     * Starts the engine with scripted agents, each selected by {@code ?model=} its name.
     *
     * @param bindHost address to listen on, normally {@code 127.0.0.1}
     * @param port     TCP port, 0 for an ephemeral one (see {@link #port()})
     * @param agents   by name; each key must be its agent's name, and {@code echo} is reserved
     * @throws IllegalArgumentException when an agent is misnamed
     * @throws IllegalStateException    when the address cannot be bound
     */
    public static LocalRealtimeServer start(String bindHost, int port, Map<String, LocalAgent> agents) {
        return start(bindHost, port, agents, LocalEngineSettings.DEFAULTS);
    }

    static LocalRealtimeServer start(String bindHost, int port, LocalEngineSettings settings) {
        return start(bindHost, port, Map.of(), settings);
    }

    static LocalRealtimeServer start(String bindHost, int port, Map<String, LocalAgent> agents,
                                     LocalEngineSettings settings) {
        Map<String, LocalAgent> scripts = checkedAgents(agents);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("local-realtime", true), NioIoHandler.newFactory());
        SessionRegistry sessions = new SessionRegistry(settings.maxConnections(), group.next());
        Ids ids = new Ids();
        SpeechSynthesizer speech = new SpeechSynthesizer();
        Function<String, SessionBehaviour> behaviours = model -> scripts.containsKey(model)
                ? new ScriptBehaviour(scripts.get(model), speech::synthesize, ids)
                : new EchoBehaviour();
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
                        pipeline.addLast("handshake",
                                new RealtimeHandshakeHandler(settings, sessions, ids, behaviours));
                    }
                })
                .bind(bindHost, port)
                .awaitUninterruptibly();
        if (!bind.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            speech.close();
            throw new IllegalStateException("local realtime engine cannot listen on " + bindHost + ":" + port,
                    bind.cause());
        }
        LocalRealtimeServer server = new LocalRealtimeServer(group, bind.channel(), sessions, speech);
        LOG.info("local realtime engine listening on {}/realtime, scripted agents: {}", server.baseUri,
                scripts.keySet());
        return server;
    }

    private static Map<String, LocalAgent> checkedAgents(Map<String, LocalAgent> agents) {
        agents.forEach((name, agent) -> {
            if (!name.equals(agent.name())) {
                throw new IllegalArgumentException("local agent '" + agent.name() + "' is registered as '" + name
                        + "'; the key must be the agent's name");
            }
            if (RealtimeHandshakeHandler.DEFAULT_MODEL.equals(name)) {
                throw new IllegalArgumentException("a local agent cannot be named '" + name
                        + "': the name selects echo mode");
            }
        });
        return Map.copyOf(agents);
    }

    /** The bound TCP port. */
    public int port() {
        return port;
    }

    /** The base URL an OpenAI client takes in place of {@code https://api.openai.com/v1}, e.g. {@code ws://127.0.0.1:PORT/v1}. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Closes every session (WebSocket close 1001), stops listening, ends the event loop and releases the voice;
     * idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sessions.closeAll(SHUTDOWN_BOUND);
        serverChannel.close().awaitUninterruptibly(SHUTDOWN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        group.shutdownGracefully(0, SHUTDOWN_BOUND.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(2 * SHUTDOWN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        speech.close();
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
