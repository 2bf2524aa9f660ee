package dev.switchboard.agent.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.HistoryEntry;
import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.ws.WebSocketClient;
import dev.switchboard.agent.ws.WebSocketConnection;
import dev.switchboard.agent.ws.WebSocketHandshakeRefused;
import dev.switchboard.agent.ws.WebSocketListener;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OpenAI-protocol conversation over a WebSocket, in one {@link Dialect}.
 *
 * <p>On open it sends {@code session.update}; the server confirms with {@code session.updated}. An error before
 * that point means the configuration was refused (unknown model, bad parameter), so the session closes as not
 * retryable rather than leaving the caller waiting.
 *
 * <p>A replacement session then restores the conversation so far: one {@code conversation.item.create} per history
 * entry, in order, and {@link ServerEvent.SessionReady} only once the server has answered every item, or after
 * {@code restoreBound} at the latest. An item the server refuses is logged and counted but does not stop the
 * session: a half-restored context beats dead air on the phone, and so does a restore the server never confirms.
 *
 * <p>Threading: confined to the event loop it was opened on (the WebSocket is registered there too).
 */
final class OpenAiRealtimeSession implements RealtimeSession, WebSocketListener {

    private static final Logger log = LoggerFactory.getLogger(OpenAiRealtimeSession.class);

    private final SessionConfig config;
    private final Dialect dialect;
    private final List<HistoryEntry> history;
    private final Duration restoreBound;
    private final RealtimeListener listener;
    /** Tool calls already reported done: xAI may repeat a function call (§5), and a tool must run once. */
    private final Set<String> finishedToolCalls = new HashSet<>();
    private WebSocketConnection connection;
    private EventLoop loop;
    private RestoreProgress restoring;
    private ScheduledFuture<?> restoreTimer;
    private boolean ready;
    private boolean closed;
    private boolean closeRequested;
    private boolean responseActive;
    /** Whether the model has produced audio: from then on OpenAI refuses a voice change (§2.2). */
    private boolean spoken;
    /** An error after which the server's close is final (a spent quota, say); {@code null} while there is none. */
    private ServerEvent.ProviderError fatal;
    /** The endpoint's credentials, kept out of everything this session logs or reports. */
    private List<String> secrets = List.of();

    /**
     * @param history      entries to restore as items once the session is configured; empty for a new call
     * @param restoreBound how long to wait for the server to acknowledge them before going ready anyway
     */
    OpenAiRealtimeSession(SessionConfig config, Dialect dialect, List<HistoryEntry> history, Duration restoreBound,
            RealtimeListener listener) {
        this.config = config;
        this.dialect = dialect;
        this.history = List.copyOf(history);
        this.restoreBound = restoreBound;
        this.listener = listener;
    }

    void connect(OpenAiEndpoint endpoint, EventLoop loop) {
        this.loop = loop;
        this.secrets = endpoint.secrets();
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
                    connection.sendText(SessionUpdates.sessionUpdate(update.config(), dialect, !spoken));
            case ClientEvent.Interrupt interrupt -> interrupt(interrupt);
            case ClientEvent.UserText text -> connection.sendText(OpenAiClientEvents.userText(text.text()));
            case ClientEvent.ToolResult result ->
                    connection.sendText(OpenAiClientEvents.toolResult(result.callId(), result.output()));
        };
    }

    /**
     * §2.7: cancel only a response that is still running (otherwise the server answers with the harmless but noisy
     * {@code response_cancel_not_active}), and truncate the item the caller was hearing where the dialect can
     * (xAI's support for truncation is unknown, §5, so there the cancel is all).
     */
    private boolean interrupt(ClientEvent.Interrupt interrupt) {
        boolean sent = true;
        if (responseActive) {
            sent = connection.sendText(OpenAiClientEvents.cancelResponse());
            responseActive = false;
        }
        if (interrupt.itemId() != null && dialect.capabilities().truncation()) {
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
        connection.sendText(SessionUpdates.sessionUpdate(config, dialect, true));
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
        List<ServerEvent> mapped;
        try {
            mapped = OpenAiServerEvents.map(event);
        } catch (RuntimeException e) {
            log.warn("provider sent a malformed {} event ({}); ignored", type, e.getMessage());
            return;
        }
        for (ServerEvent neutral : mapped) {
            deliver(neutral instanceof ServerEvent.ProviderError error
                    ? new ServerEvent.ProviderError(error.code(), redact(error.message())) : neutral);
        }
    }

    private void deliver(ServerEvent event) {
        switch (event) {
            case ServerEvent.ResponseStarted started -> responseActive = true;
            case ServerEvent.ResponseDone done -> responseActive = false;
            case ServerEvent.AudioDelta delta -> spoken = true;
            case ServerEvent.ProviderError error when FailureClassification.fatalError(error.code()) -> {
                log.warn("provider error {} ({}): the agent cannot go on with this provider", error.code(),
                        redact(error.message()));
                fatal = error;
            }
            case ServerEvent.ToolCallDone done when done.callId() != null && !finishedToolCalls.add(done.callId()) -> {
                log.debug("provider repeated function call {}; reported once", done.callId());
                return;
            }
            default -> { }
        }
        listener.onEvent(event);
    }

    private void onSetupEvent(String type, JsonNode event) {
        if (restoring != null) {
            onRestoreEvent(type, event);
        } else if (type.equals("session.updated")) {
            if (history.isEmpty()) {
                becomeReady();
            } else {
                startRestore();
            }
        } else if (type.equals("error")) {
            ServerEvent.ProviderError error = providerError(event);
            String message = redact(error.message());
            log.warn("provider refused the session configuration: {} {}", error.code(), message);
            deliverClosed(-1, "session refused: " + error.code() + ": " + message, false);
            connection.close(1000, "session refused");
        }
    }

    private void startRestore() {
        restoring = new RestoreProgress(history.size());
        for (HistoryEntry entry : history) {
            connection.sendText(OpenAiClientEvents.historyItem(entry));
        }
        restoreTimer = loop.schedule(this::restoreTimedOut, restoreBound.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onRestoreEvent(String type, JsonNode event) {
        if (!restoring.observe(type, event)) {
            return;
        }
        if (type.equals("error")) {
            ServerEvent.ProviderError error = providerError(event);
            log.warn("provider refused a restored history item: {} {}", error.code(), error.message());
        }
        if (restoring.complete()) {
            log.info("restored {} history items ({} refused)", restoring.acknowledged(), restoring.refused());
            becomeReady();
        }
    }

    private void restoreTimedOut() {
        if (ready || closed) {
            return;
        }
        log.warn("history restore unconfirmed after {} ms ({} of {} items acknowledged, {} refused); going on",
                restoreBound.toMillis(), restoring.acknowledged(), restoring.expected(), restoring.refused());
        becomeReady();
    }

    private void becomeReady() {
        cancelRestoreTimer();
        ready = true;
        listener.onEvent(new ServerEvent.SessionReady());
    }

    private String redact(String text) {
        return Redaction.redact(text, secrets);
    }

    private static ServerEvent.ProviderError providerError(JsonNode event) {
        return (ServerEvent.ProviderError) OpenAiServerEvents.map(event).getFirst();
    }

    @Override
    public void onClosed(int code, String reason) {
        String why = redact(reason == null || reason.isBlank() ? "closed" : reason);
        if (fatal != null) {
            why = fatal.code() + ": " + redact(fatal.message()) + " (closed: " + why + ")";
        }
        deliverClosed(code, why, !closeRequested && code != 1000 && fatal == null);
    }

    @Override
    public void onFailure(Throwable cause) {
        if (cause instanceof WebSocketHandshakeRefused refused) {
            String reason = redact(refused.getMessage());
            deliverClosed(-1, refused.meaning() + ": " + reason,
                    FailureClassification.retryableRefusal(refused.status(), refused.getMessage()));
        } else {
            deliverClosed(-1, "cannot reach provider: " + redact(cause.toString()), !closeRequested);
        }
    }

    private void deliverClosed(int code, String reason, boolean retryable) {
        if (closed) {
            return;
        }
        closed = true;
        responseActive = false;
        cancelRestoreTimer();
        listener.onEvent(new ServerEvent.Closed(code, reason, retryable));
    }

    private void cancelRestoreTimer() {
        if (restoreTimer != null) {
            restoreTimer.cancel(false);
            restoreTimer = null;
        }
    }
}
