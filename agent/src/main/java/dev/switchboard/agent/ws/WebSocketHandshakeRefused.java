package dev.switchboard.agent.ws;

/**
 * The server answered the upgrade request with an HTTP status other than 101, for example 401 for a refused key.
 * The response body, when short, is kept because providers explain themselves there.
 */
public final class WebSocketHandshakeRefused extends RuntimeException {

    private final int status;

    public WebSocketHandshakeRefused(int status, String body) {
        super("HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
