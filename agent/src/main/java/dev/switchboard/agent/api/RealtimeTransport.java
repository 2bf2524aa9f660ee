package dev.switchboard.agent.api;

import io.netty.channel.EventLoop;

/**
 * Opens realtime speech sessions with one provider (OpenAI Realtime, Azure, xAI, Gemini Live, the local engine).
 *
 * <p>A transport is stateless and shared by every call that uses the provider; all per-conversation state lives
 * in the {@link RealtimeSession} it returns.
 */
public interface RealtimeTransport {

    /** What this provider can do. */
    Capabilities capabilities();

    /**
     * Starts connecting and returns at once. The provider's socket is registered on {@code loop}, and every event
     * (first {@link ServerEvent.SessionReady}, last {@link ServerEvent.Closed}) is delivered to {@code listener} on
     * that loop, so the caller's state needs no locks.
     */
    default RealtimeSession open(SessionConfig config, EventLoop loop, RealtimeListener listener) {
        return open(config, Resume.NONE, loop, listener);
    }

    /**
     * As {@link #open(SessionConfig, EventLoop, RealtimeListener)}, for a session that replaces one that dropped
     * or was recycled: the provider restores {@code resume} (history items, its own handle, or the transcript
     * folded into the instructions) before reporting {@link ServerEvent.SessionReady}.
     */
    RealtimeSession open(SessionConfig config, Resume resume, EventLoop loop, RealtimeListener listener);
}
