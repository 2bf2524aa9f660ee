package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a session's server events go: the WebSocket of its connection. Used on the connection's event loop only. */
interface EventSink {

    /** Sends one server event; silently drops it once the connection is gone. */
    void send(ObjectNode event);

    /** False while the connection's outbound buffer is full, so paced audio should wait. */
    boolean writable();
}
