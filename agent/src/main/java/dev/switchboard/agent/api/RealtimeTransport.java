package dev.switchboard.agent.api;

import io.netty.channel.EventLoop;

/**
 * Opens realtime speech sessions with one provider (OpenAI Realtime, Azure, xAI, Gemini Live, the local engine).
 *
 * <p>A transport is stateless and shared by every call that uses the provider; all per-conversation state lives
 * in the {@link RealtimeSession} it returns.
 */
public interface RealtimeTransport {

    /**
     * Starts connecting and returns at once. The provider's socket is registered on {@code loop}, and every event
     * (first {@link ServerEvent.SessionReady}, last {@link ServerEvent.Closed}) is delivered to {@code listener} on
     * that loop, so the caller's state needs no locks.
     */
    RealtimeSession open(SessionConfig config, EventLoop loop, RealtimeListener listener);
}
