package dev.switchboard.media;

import dev.switchboard.media.transport.FramePacer;
import dev.switchboard.media.transport.NettyTransport;
import dev.switchboard.media.transport.PortAllocator;
import dev.switchboard.media.transport.RtpInboundHandler;
import io.netty.bootstrap.Bootstrap;
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

    private MediaEngine(NettyTransport transport, int threads, String bindHost, int firstPort, int lastPort) {
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
        NettyTransport transport = NettyTransport.best();
        MediaEngine engine = new MediaEngine(transport, threads, bindHost, firstPort, lastPort);
        log.info("media engine: {} event loops on {}, RTP ports {}-{} ({} pairs)", threads, transport,
                firstPort, lastPort, engine.ports.capacity());
        return engine;
    }

    /** The loop for a new call (round robin). */
    public EventLoop nextLoop() {
        return group.next();
    }

    /**
     * Binds an RTP socket for a new call on {@code loop}. The future completes on that loop, with a session ready
     * to {@link MediaSession#start start}, or fails with a {@link MediaException} when no port can be bound.
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
        MediaSession session = new MediaSession(name, port.getAsInt(), pacers.get(loop), listener,
                System::nanoTime, this::released);
        ChannelFuture bound = new Bootstrap()
                .group(loop)
                .channel(transport.datagramChannel())
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(2048))
                .handler(new RtpInboundHandler(session::onDatagram))
                .bind(new InetSocketAddress(bindHost, port.getAsInt()));
        bound.addListener(f -> {
            if (f.isSuccess()) {
                openSessions.incrementAndGet();
                session.attach(bound.channel());
                channels.add(bound.channel());
                if (!promise.trySuccess(session)) {
                    session.close(); // the caller gave up (cancelled) while the port was being bound
                }
            } else if (attemptsLeft > 1) {
                log.warn("cannot bind RTP port {}: {}; trying another", port.getAsInt(), f.cause().toString());
                ports.release(port.getAsInt());
                bind(loop, name, listener, promise, attemptsLeft - 1);
            } else {
                ports.release(port.getAsInt());
                promise.setFailure(new MediaException("cannot bind an RTP port on " + bindHost, f.cause()));
            }
        });
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
