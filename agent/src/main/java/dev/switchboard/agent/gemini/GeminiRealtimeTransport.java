package dev.switchboard.agent.gemini;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.Capabilities;
import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.SessionConfig;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Opens Gemini Live sessions against one endpoint (realtime-protocols §6).
 *
 * <p>What the call must know about Gemini is in {@link #capabilities()}: PCM16 only (16 kHz in, 24 kHz out, so a
 * G.711 call transcodes and resamples); no speech-started event while the agent is silent, so the call detects
 * barge-in itself; no truncation; no history items (a transcript is folded into the instructions); but sessions
 * resume by handle, and each connection lasts about ten minutes, announced by {@code goAway}.
 */
public final class GeminiRealtimeTransport implements RealtimeTransport {

    /**
     * Gemini reports the caller only as {@code interrupted} while it is generating, so {@code serverVad} is false
     * even though its {@code voiceActivity} messages, when a model sends them, become speech events.
     */
    static final Capabilities CAPABILITIES = new Capabilities(Set.of(AudioFormat.PCM16_16K),
            Set.of(AudioFormat.PCM16_24K), false, false, false, true, Duration.ofMinutes(10));
    /** How long the server may take to answer {@code setup}. */
    static final Duration SETUP_TIMEOUT = Duration.ofSeconds(15);

    private final GeminiEndpoint endpoint;
    private final Duration setupTimeout;

    public GeminiRealtimeTransport(GeminiEndpoint endpoint) {
        this(endpoint, SETUP_TIMEOUT);
    }

    GeminiRealtimeTransport(GeminiEndpoint endpoint, Duration setupTimeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.setupTimeout = Objects.requireNonNull(setupTimeout, "setupTimeout");
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public RealtimeSession open(SessionConfig config, Resume resume, EventLoop loop, RealtimeListener listener) {
        GeminiRealtimeSession session = new GeminiRealtimeSession(endpoint, config,
                resume == null ? Resume.NONE : resume, loop, listener, setupTimeout);
        loop.execute(session::connect);
        return session;
    }

    @Override
    public String toString() {
        return "GeminiRealtimeTransport[" + endpoint + "]";
    }
}
