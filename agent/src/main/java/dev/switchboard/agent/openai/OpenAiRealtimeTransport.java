package dev.switchboard.agent.openai;

import dev.switchboard.agent.api.Capabilities;
import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.SessionConfig;
import io.netty.channel.EventLoop;
import java.util.Objects;

/**
 * Opens OpenAI Realtime GA sessions against one endpoint: OpenAI, an OpenAI-compatible server, or the local
 * engine.
 */
public final class OpenAiRealtimeTransport implements RealtimeTransport {

    private final OpenAiEndpoint endpoint;
    private final Dialect dialect;

    public OpenAiRealtimeTransport(OpenAiEndpoint endpoint, Dialect dialect) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** OpenAI itself (or a server that behaves exactly like it). */
    public OpenAiRealtimeTransport(OpenAiEndpoint endpoint) {
        this(endpoint, Dialect.OPENAI);
    }

    @Override
    public Capabilities capabilities() {
        return dialect.capabilities();
    }

    @Override
    public RealtimeSession open(SessionConfig config, Resume resume, EventLoop loop, RealtimeListener listener) {
        OpenAiRealtimeSession session = new OpenAiRealtimeSession(config, listener);
        loop.execute(() -> session.connect(endpoint, loop));
        return session;
    }

    @Override
    public String toString() {
        return "OpenAiRealtimeTransport[" + endpoint + "]";
    }
}
