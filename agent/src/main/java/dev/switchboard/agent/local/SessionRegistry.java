package dev.switchboard.agent.local;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.EventExecutor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's open WebSocket sessions: admits at most a fixed number at a time and closes them all, politely, at
 * shutdown. Touched from the event loop and from the thread that closes the server, hence the atomic counter.
 */
final class SessionRegistry {

    private final int maxSessions;
    private final AtomicInteger open = new AtomicInteger();
    private final ChannelGroup channels;

    SessionRegistry(int maxSessions, EventExecutor executor) {
        this.maxSessions = maxSessions;
        this.channels = new DefaultChannelGroup("local-realtime-sessions", executor);
    }

    int maxSessions() {
        return maxSessions;
    }

    /**
     * Reserves a place for a connection about to become a session; the place is freed when the channel closes.
     *
     * @return false when all places are taken
     */
    boolean tryAdmit(Channel channel) {
        int current;
        do {
            current = open.get();
            if (current >= maxSessions) {
                return false;
            }
        } while (!open.compareAndSet(current, current + 1));
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        channels.add(channel);
        return true;
    }

    /** Sends every session a WebSocket close (1001, going away) and closes it, waiting at most {@code bound}. */
    void closeAll(Duration bound) {
        CloseWebSocketFrame goingAway = new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE,
                "server shutting down");
        channels.writeAndFlush(goingAway).awaitUninterruptibly(bound.toMillis(), TimeUnit.MILLISECONDS);
        channels.close().awaitUninterruptibly(bound.toMillis(), TimeUnit.MILLISECONDS);
    }
}
