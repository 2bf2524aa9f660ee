package dev.switchboard.agent.ws;

/**
 * Callbacks of one WebSocket connection, all on the connection's event loop. Exactly one of
 * {@link #onClosed(int, String)} or {@link #onFailure(Throwable)} ends every connection; nothing follows it.
 */
public interface WebSocketListener {

    /** The opening handshake completed (RFC 6455 §4.1); messages may be sent from now on. */
    void onOpen(WebSocketConnection connection);

    /** A complete text message (fragments are reassembled first). */
    void onText(String text);

    /** A complete binary message. Gemini Live sends its JSON this way. */
    default void onBinary(byte[] data) {}

    /**
     * The connection closed after it had opened. {@code code} is the peer's close code (RFC 6455 §7.4), or 1006
     * when the socket dropped without a close frame.
     */
    void onClosed(int code, String reason);

    /** The connection could not be opened: DNS, TCP, TLS or the HTTP upgrade failed. */
    void onFailure(Throwable cause);
}
