package dev.switchboard.media;

import dev.switchboard.media.transport.FramePacer;
import dev.switchboard.media.transport.NettyTransport;
import dev.switchboard.media.transport.PortAllocator;
import dev.switchboard.media.transport.RtpInboundHandler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media engine: the event loops that own calls, the RTP port range, and one pacing clock per loop.
 *
 * <p>A call picks a loop with {@link #nextLoop()} when it arrives; its RTP socket, its provider WebSocket and its
 * timers all live on that loop, so a call's state is only ever touched by one thread.
 */
public final class MediaEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);
    private static final int BIND_ATTEMPTS = 8;

    private final NettyTransport transport;
    private final MultiThreadIoEventLoopGroup group;
    private final Map<EventExecutor, FramePacer> pacers = new IdentityHashMap<>();
    private final PortAllocator ports;
    private final String bindHost;
    private final AtomicInteger openSessions = new AtomicInteger();
    private final LongAdder packetsReceived = new LongAdder();
    private final LongAdder packetsSent = new LongAdder();
    private final ChannelGroup channels = new DefaultChannelGroup("rtp", GlobalEventExecutor.INSTANCE);
    private final MediaTuning tuning;

    private MediaEngine(NettyTransport transport, int threads, String bindHost, int firstPort, int lastPort,
            MediaTuning tuning) {
        this.tuning = tuning;
        this.transport = transport;
        this.group = transport.newGroup(threads, new DefaultThreadFactory("switchboard-media", true));
        for (EventExecutor executor : group) {
            pacers.put(executor, new FramePacer((EventLoop) executor));
        }
        this.ports = new PortAllocator(firstPort, lastPort);
        this.bindHost = bindHost;
    }

    /**
     * Starts the event loops.
     *
     * @param threads  event loops; one per core is right for media
     * @param bindHost address RTP sockets bind to, usually {@code 0.0.0.0}
     */
    public static MediaEngine start(int threads, String bindHost, int firstPort, int lastPort) {
        return start(threads, bindHost, firstPort, lastPort, MediaTuning.DEFAULTS);
    }

    /** As above, with the jitter buffer, RTCP and inactivity settings of {@code tuning}. */
    public static MediaEngine start(int threads, String bindHost, int firstPort, int lastPort, MediaTuning tuning) {
        NettyTransport transport = NettyTransport.best();
        MediaEngine engine = new MediaEngine(transport, threads, bindHost, firstPort, lastPort, tuning);
        log.info("media engine: {} event loops on {}, RTP ports {}-{} ({} pairs)", threads, transport,
                firstPort, lastPort, engine.ports.capacity());
        return engine;
    }

    /** The loop for a new call (round robin). */
    public EventLoop nextLoop() {
        return group.next();
    }

    /**
     * Binds a new call's RTP socket and its RTCP socket (the port above, RFC 3550 §11) on {@code loop}. The future
     * completes on that loop, with a session ready to {@link MediaSession#start start}, or fails with a
     * {@link MediaException} when no pair of ports can be bound.
     */
    public Future<MediaSession> open(EventLoop loop, String name, MediaSessionListener listener) {
        Promise<MediaSession> promise = loop.newPromise();
        loop.execute(() -> bind(loop, name, listener, promise, BIND_ATTEMPTS));
        return promise;
    }

    private void bind(EventLoop loop, String name, MediaSessionListener listener, Promise<MediaSession> promise,
            int attemptsLeft) {
        OptionalInt port = ports.allocate();
        if (port.isEmpty()) {
            promise.setFailure(new MediaException("no free RTP port (all " + ports.capacity() + " pairs in use)"));
            return;
        }
        int rtpPort = port.getAsInt();
        MediaSession session = new MediaSession(name, rtpPort, pacers.get(loop), listener, System::nanoTime,
                this::released, tuning);
        ChannelFuture rtp = socket(loop, rtpPort, new RtpInboundHandler(session::onDatagram));
        ChannelFuture rtcp = socket(loop, rtpPort + 1, new RtpInboundHandler(session::onRtcpDatagram));
        rtp.addListener(r -> rtcp.addListener(c -> {
            if (r.isSuccess() && c.isSuccess()) {
                opened(session, rtp.channel(), rtcp.channel(), promise);
                return;
            }
            Throwable cause = r.isSuccess() ? c.cause() : r.cause();
            rtp.channel().close();
            rtcp.channel().close();
            ports.release(rtpPort);
            if (attemptsLeft > 1) {
                log.warn("cannot bind RTP/RTCP ports {}/{}: {}; trying another", rtpPort, rtpPort + 1,
                        cause.toString());
                bind(loop, name, listener, promise, attemptsLeft - 1);
            } else {
                promise.setFailure(new MediaException("cannot bind an RTP port pair on " + bindHost, cause));
            }
        }));
    }

    private ChannelFuture socket(EventLoop loop, int port, RtpInboundHandler handler) {
        return new Bootstrap()
                .group(loop)
                .channel(transport.datagramChannel())
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(2048))
                .handler(handler)
                .bind(new InetSocketAddress(bindHost, port));
    }

    private void opened(MediaSession session, Channel rtp, Channel rtcp, Promise<MediaSession> promise) {
        openSessions.incrementAndGet();
        session.attach(rtp, rtcp);
        channels.add(rtp);
        channels.add(rtcp);
        if (!promise.trySuccess(session)) {
            session.close(); // the caller gave up (cancelled) while the ports were being bound
        }
    }

    private void released(MediaSession session) {
        ports.release(session.localPort());
        openSessions.decrementAndGet();
        MediaStats stats = session.stats();
        packetsReceived.add(stats.packetsReceived());
        packetsSent.add(stats.packetsSent());
    }

    /** RTP packets received by sessions that have closed. */
    public long packetsReceived() {
        return packetsReceived.sum();
    }

    /** RTP packets sent by sessions that have closed. */
    public long packetsSent() {
        return packetsSent.sum();
    }

    /** RTP port pairs not in use. */
    public int availablePorts() {
        return ports.available();
    }

    public int portCapacity() {
        return ports.capacity();
    }

    /** Sessions bound and not yet closed. */
    public int openSessions() {
        return openSessions.get();
    }

    public NettyTransport transport() {
        return transport;
    }

    /**
     * Closes every RTP socket still open, then stops the loops. Netty does not reliably close a loop's channels on
     * a shutdown without a quiet period, so sockets are closed first, explicitly.
     */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
