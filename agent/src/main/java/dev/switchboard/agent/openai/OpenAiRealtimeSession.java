package dev.switchboard.agent.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.ws.WebSocketClient;
import dev.switchboard.agent.ws.WebSocketConnection;
import dev.switchboard.agent.ws.WebSocketHandshakeRefused;
import dev.switchboard.agent.ws.WebSocketListener;
import io.netty.channel.EventLoop;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OpenAI Realtime GA conversation over a WebSocket.
 *
 * <p>On open it sends {@code session.update} and reports {@link ServerEvent.SessionReady} when the server
 * confirms with {@code session.updated}. An error before that point means the configuration was refused (unknown
 * model, bad parameter), so the session closes as not retryable rather than leaving the caller waiting.
 *
 * <p>Threading: confined to the event loop it was opened on (the WebSocket is registered there too).
 */
final class OpenAiRealtimeSession implements RealtimeSession, WebSocketListener {

    private static final Logger log = LoggerFactory.getLogger(OpenAiRealtimeSession.class);
    /** HTTP statuses at the upgrade that retrying cannot fix: bad request, bad key, forbidden, unknown path/model. */
    private static final Set<Integer> FATAL_STATUSES = Set.of(400, 401, 403, 404);

    private final SessionConfig config;
    private final RealtimeListener listener;
    private WebSocketConnection connection;
    private boolean ready;
    private boolean closed;
    private boolean closeRequested;
    private boolean responseActive;
    /** Whether the model has produced audio: from then on OpenAI refuses a voice change (§2.2). */
    private boolean spoken;

    OpenAiRealtimeSession(SessionConfig config, RealtimeListener listener) {
        this.config = config;
        this.listener = listener;
    }

    void connect(OpenAiEndpoint endpoint, EventLoop loop) {
        if (closeRequested) {
            deliverClosed(1000, "closed before connecting", false);
            return;
        }
        try {
            connection = WebSocketClient.connect(endpoint.realtimeUri(config.model()), endpoint.headers(), loop, this);
        } catch (IllegalArgumentException e) {
            deliverClosed(-1, e.getMessage(), false);
        }
    }

    @Override
    public boolean send(ClientEvent event) {
        if (!isOpen()) {
            return false;
        }
        return switch (event) {
            case ClientEvent.AppendAudio append -> connection.sendText(OpenAiClientEvents.appendAudio(append.audio()));
            case ClientEvent.CommitAudio commit -> connection.sendText(OpenAiClientEvents.commit());
            case ClientEvent.CreateResponse create ->
                    connection.sendText(OpenAiClientEvents.createResponse(create.instructions()));
            case ClientEvent.UpdateSession update ->
                    connection.sendText(OpenAiClientEvents.sessionUpdate(update.config(), !spoken));
            case ClientEvent.Interrupt interrupt -> interrupt(interrupt);
            case ClientEvent.UserText text -> connection.sendText(OpenAiClientEvents.userText(text.text()));
            case ClientEvent.ToolResult result ->
                    connection.sendText(OpenAiClientEvents.toolResult(result.callId(), result.output()));
        };
    }

    /**
     * §2.7: cancel only a response that is still running (otherwise the server answers with the harmless but noisy
     * {@code response_cancel_not_active}), and truncate the item the caller was hearing.
     */
    private boolean interrupt(ClientEvent.Interrupt interrupt) {
        boolean sent = true;
        if (responseActive) {
            sent = connection.sendText(OpenAiClientEvents.cancelResponse());
            responseActive = false;
        }
        if (interrupt.itemId() != null) {
            sent &= connection.sendText(OpenAiClientEvents.truncate(
                    interrupt.itemId(), interrupt.contentIndex(), interrupt.heardMillis()));
        }
        return sent;
    }

    @Override
    public boolean isOpen() {
        return ready && !closed && connection != null && connection.isOpen();
    }

    @Override
    public void close() {
        closeRequested = true;
        if (connection != null) {
            connection.close(1000, "call ended");
        }
    }

    @Override
    public void onOpen(WebSocketConnection connection) {
        connection.sendText(OpenAiClientEvents.sessionUpdate(config));
    }

    @Override
    public void onText(String text) {
        if (closed) {
            return;
        }
        JsonNode event;
        try {
            event = OpenAiClientEvents.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            log.warn("provider sent a message that is not JSON ({} chars); ignored", text.length());
            return;
        }
        String type = event.path("type").asText("");
        if (!ready) {
            onSetupEvent(type, event);
            return;
        }
        ServerEvent mapped;
        try {
            mapped = OpenAiServerEvents.map(event);
        } catch (RuntimeException e) {
            log.warn("provider sent a malformed {} event ({}); ignored", type, e.getMessage());
            return;
        }
        if (mapped == null) {
            return;
        }
        switch (mapped) {
            case ServerEvent.ResponseStarted started -> responseActive = true;
            case ServerEvent.ResponseDone done -> responseActive = false;
            case ServerEvent.AudioDelta delta -> spoken = true;
            default -> { }
        }
        listener.onEvent(mapped);
    }

    private void onSetupEvent(String type, JsonNode event) {
        switch (type) {
            case "session.updated" -> {
                ready = true;
                listener.onEvent(new ServerEvent.SessionReady());
            }
            case "error" -> {
                ServerEvent.ProviderError error = (ServerEvent.ProviderError) OpenAiServerEvents.map(event);
                log.warn("provider refused the session configuration: {} {}", error.code(), error.message());
                deliverClosed(-1, "session refused: " + error.code() + ": " + error.message(), false);
                connection.close(1000, "session refused");
            }
            default -> { }
        }
    }

    @Override
    public void onClosed(int code, String reason) {
        String why = Redaction.redact(reason == null || reason.isBlank() ? "closed" : reason);
        deliverClosed(code, why, !closeRequested && code != 1000);
    }

    @Override
    public void onFailure(Throwable cause) {
        if (cause instanceof WebSocketHandshakeRefused refused) {
            String reason = Redaction.redact(refused.getMessage());
            deliverClosed(-1, "provider refused the connection: " + reason, !FATAL_STATUSES.contains(refused.status()));
        } else {
            deliverClosed(-1, "cannot reach provider: " + cause, !closeRequested);
        }
    }

    private void deliverClosed(int code, String reason, boolean retryable) {
        if (closed) {
            return;
        }
        closed = true;
        responseActive = false;
        listener.onEvent(new ServerEvent.Closed(code, reason, retryable));
    }
}
