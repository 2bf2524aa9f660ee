package dev.switchboard.agent.openai;

import dev.switchboard.agent.api.Capabilities;
import dev.switchboard.agent.api.HistoryEntry;
import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.SessionConfig;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Opens OpenAI-protocol sessions against one endpoint: OpenAI, Azure, xAI, an OpenAI-compatible server, or the
 * local engine, each spoken in its {@link Dialect}.
 *
 * <p>A replacement session ({@link #open(SessionConfig, Resume, EventLoop, RealtimeListener)}) is given the most
 * recent conversation (see {@link ConversationSeed} for the bounds): as history items where the dialect takes them,
 * otherwise folded into the instructions. These providers have no resumption handle, so {@link Resume#handle()} is
 * not used.
 */
public final class OpenAiRealtimeTransport implements RealtimeTransport {

    /** How long a replacement session waits for its history items to be acknowledged before it goes ready. */
    static final Duration RESTORE_BOUND = Duration.ofSeconds(2);

    private final OpenAiEndpoint endpoint;
    private final Dialect dialect;
    private final Duration restoreBound;

    public OpenAiRealtimeTransport(OpenAiEndpoint endpoint, Dialect dialect) {
        this(endpoint, dialect, RESTORE_BOUND);
    }

    /** OpenAI itself (or a server that behaves exactly like it). */
    public OpenAiRealtimeTransport(OpenAiEndpoint endpoint) {
        this(endpoint, Dialect.OPENAI);
    }

    /** With another restore bound, so tests need not wait the full two seconds. */
    OpenAiRealtimeTransport(OpenAiEndpoint endpoint, Dialect dialect, Duration restoreBound) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.restoreBound = Objects.requireNonNull(restoreBound, "restoreBound");
    }

    @Override
    public Capabilities capabilities() {
        return dialect.capabilities();
    }

    @Override
    public RealtimeSession open(SessionConfig config, Resume resume, EventLoop loop, RealtimeListener listener) {
        SessionConfig effective = config;
        List<HistoryEntry> items = List.of();
        if (!resume.history().isEmpty()) {
            if (dialect.capabilities().historyItems()) {
                items = ConversationSeed.recent(resume.history());
            } else {
                effective = config.withInstructions(ConversationSeed.fold(config.instructions(), resume.history()));
            }
        }
        OpenAiRealtimeSession session = new OpenAiRealtimeSession(effective, dialect, items, restoreBound, listener);
        loop.execute(() -> session.connect(endpoint, loop));
        return session;
    }

    @Override
    public String toString() {
        return "OpenAiRealtimeTransport[" + dialect + ", " + endpoint + "]";
    }
}
