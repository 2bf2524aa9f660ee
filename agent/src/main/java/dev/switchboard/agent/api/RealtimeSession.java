package dev.switchboard.agent.api;

/**
 * One live conversation with a realtime speech provider.
 *
 * <p>Lifecycle: connecting, then open once {@link ServerEvent.SessionReady} has been delivered, then closed. The
 * last event is always exactly one {@link ServerEvent.Closed}, whether the provider dropped, the connection failed
 * or {@link #close()} was called; nothing is delivered after it.
 *
 * <p>Threading: call these methods only from the event loop the session was opened on. They never block.
 */
public interface RealtimeSession {

    /**
     * Queues a command for the provider. Returns {@code false}, and drops the command, when the session is not open
     * (still connecting, or closed); audio sent before {@code SessionReady} is not buffered.
     */
    boolean send(ClientEvent event);

    /** Whether {@link ServerEvent.SessionReady} has been delivered and the session has not closed since. */
    boolean isOpen();

    /** Closes the connection gracefully. Idempotent; a {@link ServerEvent.Closed} follows unless one already has. */
    void close();
}
