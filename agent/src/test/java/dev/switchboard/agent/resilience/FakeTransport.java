package dev.switchboard.agent.resilience;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.Capabilities;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider whose connections the test opens, feeds and drops by hand; every one is recorded. */
final class FakeTransport implements RealtimeTransport {

    /** One connection: what it was opened with and what was sent on it. */
    static final class Connection implements RealtimeSession {
        final SessionConfig config;
        final Resume resume;
        final RealtimeListener listener;
        final List<ClientEvent> sent = new ArrayList<>();
        boolean open;
        boolean closed;

        Connection(SessionConfig config, Resume resume, RealtimeListener listener) {
            this.config = config;
            this.resume = resume;
            this.listener = listener;
        }

        void ready() {
            open = true;
            listener.onEvent(new ServerEvent.SessionReady());
        }

        void emit(ServerEvent event) {
            listener.onEvent(event);
        }

        void drop(boolean retryable) {
            open = false;
            closed = true;
            listener.onEvent(new ServerEvent.Closed(1006, "connection lost", retryable));
        }

        @Override
        public boolean send(ClientEvent event) {
            if (!open) {
                return false;
            }
            sent.add(event);
            return true;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                open = false;
                listener.onEvent(new ServerEvent.Closed(1000, "closed", false));
            }
        }
    }

    final List<Connection> connections = new CopyOnWriteArrayList<>();

    Connection last() {
        return connections.get(connections.size() - 1);
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Set.of(AudioFormat.PCM16_24K), Set.of(AudioFormat.PCM16_24K), true, true, true, false,
                Duration.ofMinutes(60));
    }

    @Override
    public RealtimeSession open(SessionConfig config, Resume resume, EventLoop loop, RealtimeListener listener) {
        Connection connection = new Connection(config, resume, listener);
        connections.add(connection);
        return connection;
    }
}
