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

    /**
     * What the refusal means, in words for a log: 401 and 403 are the provider turning down the credentials
     * (RFC 9110 §15.5.2, §15.5.4), anything else the connection itself.
     */
    public String meaning() {
        boolean credentials = status == 401 || status == 403;
        return credentials ? "the provider refused the credentials" : "the provider refused the connection";
    }
}
