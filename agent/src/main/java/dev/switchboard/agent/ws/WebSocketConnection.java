package dev.switchboard.agent.ws;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket, from the moment {@link WebSocketClient#connect} is called until it is closed.
 *
 * <p>Threading: owned by the event loop it was connected on; call every method from that loop. Sends never block.
 */
public final class WebSocketConnection {

    /** How long our close waits for the server's close frame before the socket is dropped anyway. */
    static final long CLOSE_WAIT_MILLIS = 2_000;

    private Channel channel;
    private boolean open;
    private boolean closing;

    WebSocketConnection() {}

    /** Called by the client when the TCP connection attempt starts; a close requested earlier takes effect now. */
    void attach(Channel channel) {
        this.channel = channel;
        if (closing) {
            channel.close();
        }
    }

    /** Called by the client when the opening handshake completes. */
    void markOpen() {
        open = true;
    }

    /**
     * Queues a text message. Returns {@code false} without sending when the connection is not open or when the
     * socket's write buffer is over its high-water mark, so a stalled peer cannot make memory grow without bound.
     */
    public boolean sendText(String text) {
        if (!canSend()) {
            return false;
        }
        channel.writeAndFlush(new TextWebSocketFrame(text), channel.voidPromise());
        return true;
    }

    /** Queues a binary message; same rules as {@link #sendText(String)}. */
    public boolean sendBinary(byte[] data) {
        if (!canSend()) {
            return false;
        }
        channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data)), channel.voidPromise());
        return true;
    }

    /**
     * Starts the closing handshake (RFC 6455 §7.1.2): sends a close frame and waits, at most
     * {@link #CLOSE_WAIT_MILLIS}, for the server's close frame before dropping the TCP connection (§7.1.1: the
     * server closes TCP first). Before the connection is open this abandons the attempt instead. Idempotent.
     */
    public void close(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        if (channel == null) {
            return;
        }
        if (open && channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
            channel.eventLoop().schedule(() -> channel.close(), CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            channel.close();
        }
    }

    /**
     * Answers the peer's close frame with the same status (§5.5.1), or with an empty close frame when the peer
     * gave none (1005 may not be sent), and closes the socket once it is written.
     */
    void echoClose(int peerCode) {
        if (closing) {
            channel.close();
            return;
        }
        closing = true;
        CloseWebSocketFrame echo = peerCode == -1 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(peerCode, "");
        channel.writeAndFlush(echo).addListener(f -> channel.close());
    }

    public boolean isOpen() {
        return open && !closing && channel.isActive();
    }

    boolean isClosing() {
        return closing;
    }

    private boolean canSend() {
        return isOpen() && channel.isWritable();
    }
}
