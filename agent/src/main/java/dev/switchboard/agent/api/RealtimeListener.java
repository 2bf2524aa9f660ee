package dev.switchboard.agent.api;

/**
 * Receives a session's events, always on the event loop the session was opened on.
 *
 * <p>Implementations must return quickly, must not block and must not throw: they run on the loop that also
 * carries the call's media.
 */
@FunctionalInterface
public interface RealtimeListener {

    void onEvent(ServerEvent event);
}
