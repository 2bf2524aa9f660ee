package dev.switchboard.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.HistoryEntry;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.ws.WebSocketClient;
import dev.switchboard.agent.ws.WebSocketConnection;
import dev.switchboard.agent.ws.WebSocketHandshakeRefused;
import dev.switchboard.agent.ws.WebSocketListener;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gemini Live conversation over a WebSocket.
 *
 * <p>On open it sends {@code setup} and reports {@link ServerEvent.SessionReady} when the server answers
 * {@code setupComplete} (realtime-protocols §6.2). Gemini reports a refused setup (unknown model, bad key) by
 * closing the socket, so a close before that point ends the session with the close code classified; a server that
 * never answers is given up on after the setup timeout.
 *
 * <p>Server JSON arrives in binary frames (§0); text frames are read the same way.
 *
 * <p>Threading: confined to the event loop it was opened on (the WebSocket is registered there too).
 */
final class GeminiRealtimeSession implements RealtimeSession, WebSocketListener {

    private static final Logger log = LoggerFactory.getLogger(GeminiRealtimeSession.class);

    private final GeminiEndpoint endpoint;
    private final SessionConfig config;
    private final Resume resume;
    private final EventLoop loop;
    private final RealtimeListener listener;
    private final Duration setupTimeout;
    private final GeminiServerMessages messages = new GeminiServerMessages();
    /** Events the session made up itself (an interrupt's cancellation), delivered after the command returns. */
    private final Queue<ServerEvent> deferred = new ArrayDeque<>();
    private String setupMessage;
    private WebSocketConnection connection;
    private ScheduledFuture<?> setupTimer;
    private boolean ready;
    private boolean closed;
    private boolean closeRequested;

    GeminiRealtimeSession(GeminiEndpoint endpoint, SessionConfig config, Resume resume, EventLoop loop,
            RealtimeListener listener, Duration setupTimeout) {
        this.endpoint = endpoint;
        this.config = config;
        this.resume = resume;
        this.loop = loop;
        this.listener = listener;
        this.setupTimeout = setupTimeout;
        expectAnswersFromEarlierConnections(resume);
    }

    /** Tool calls of the restored conversation that have no answer yet: their results may still come. */
    private void expectAnswersFromEarlierConnections(Resume resume) {
        java.util.Set<String> answered = new java.util.HashSet<>();
        resume.history().forEach(entry -> {
            if (entry instanceof HistoryEntry.ToolAnswered answer) {
                answered.add(answer.callId());
            }
        });
        resume.history().forEach(entry -> {
            if (entry instanceof HistoryEntry.ToolCalled call && !answered.contains(call.callId())) {
                messages.expectAnswerTo(call.callId(), call.name());
            }
        });
    }

    void connect() {
        if (closeRequested) {
            deliverClosed(1000, "closed before connecting", false);
            return;
        }
        try {
            checkFormats();
            setupMessage = GeminiSetup.message(config, endpoint.wireModel(config.model()), resume);
            connection = WebSocketClient.connect(endpoint.uri(), endpoint.headers(), loop, this);
        } catch (IllegalArgumentException e) {
            log.warn("Gemini session not started: {}", e.getMessage());
            deliverClosed(-1, e.getMessage(), false);
            return;
        }
        setupTimer = loop.schedule(this::setupTimedOut, setupTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Gemini speaks PCM16 only: 16 kHz in, 24 kHz out (§6.3). Anything else would be heard as noise. */
    private void checkFormats() {
        if (config.inputFormat() != null && !config.inputFormat().equals(AudioFormat.PCM16_16K)) {
            throw new IllegalArgumentException("Gemini Live takes PCM16 at 16 kHz, not " + config.inputFormat());
        }
        if (config.outputFormat() != null && !config.outputFormat().equals(AudioFormat.PCM16_24K)) {
            throw new IllegalArgumentException("Gemini Live speaks PCM16 at 24 kHz, not " + config.outputFormat());
        }
    }

    @Override
    public boolean send(ClientEvent event) {
        if (!isOpen()) {
            return false;
        }
        return switch (event) {
            case ClientEvent.AppendAudio append -> connection.sendText(GeminiClientMessages.audio(append.audio()));
            case ClientEvent.CommitAudio commit -> connection.sendText(GeminiClientMessages.audioStreamEnd());
            // Gemini answers caller turns and tool results on its own; only a request with words needs a turn.
            case ClientEvent.CreateResponse create -> create.instructions() == null
                    || connection.sendText(GeminiClientMessages.userTurn(create.instructions()));
            case ClientEvent.UpdateSession update -> {
                log.warn("Gemini cannot change a session's configuration mid-connection; reopen it instead");
                yield false;
            }
            case ClientEvent.Interrupt interrupt -> interrupt();
            case ClientEvent.UserText text -> connection.sendText(GeminiClientMessages.userTurn(text.text()));
            case ClientEvent.ToolResult result -> toolResult(result);
        };
    }

    /**
     * Gemini has no cancel or truncate (§6.6): nothing goes on the wire. The turn is reported cancelled and the
     * rest of its audio dropped. The report is deferred so the caller's own call to {@code send} finishes first;
     * it still precedes anything the server sends next.
     */
    private boolean interrupt() {
        List<ServerEvent> cancelled = messages.interrupt();
        if (!cancelled.isEmpty()) {
            deferred.addAll(cancelled);
            loop.execute(this::flushDeferred);
        }
        return true;
    }

    private boolean toolResult(ClientEvent.ToolResult result) {
        GeminiServerMessages.PendingCall call = messages.takeToolCall(result.callId());
        if (call == null) {
            log.warn("no function call {} is waiting (cancelled, or from another connection); result not sent",
                    result.callId());
            return false;
        }
        return connection.sendText(GeminiClientMessages.toolResponse(call.wireId(), call.name(), result.output()));
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
        connection.sendText(setupMessage);
    }

    @Override
    public void onText(String text) {
        try {
            onMessage(GeminiClientMessages.JSON.readTree(text));
        } catch (IOException e) {
            log.warn("Gemini sent a text message that is not JSON ({} chars); ignored", text.length());
        }
    }

    @Override
    public void onBinary(byte[] data) {
        try {
            onMessage(GeminiClientMessages.JSON.readTree(data));
        } catch (IOException e) {
            log.warn("Gemini sent a binary message that is not JSON ({} bytes); ignored", data.length);
        }
    }

    private void onMessage(JsonNode message) {
        if (closed) {
            return;
        }
        flushDeferred();
        if (!message.isObject()) {
            log.warn("Gemini sent JSON that is not an object ({}); ignored", message.getNodeType());
        } else if (!ready) {
            onSetupMessage(message);
        } else {
            for (ServerEvent event : messages.map(message)) {
                deliver(event);
            }
        }
    }

    private void onSetupMessage(JsonNode message) {
        if (message.has("setupComplete")) {
            ready = true;
            setupTimer.cancel(false);
            deliver(new ServerEvent.SessionReady());
        } else {
            List<String> keys = new ArrayList<>();
            message.fieldNames().forEachRemaining(keys::add);
            log.debug("Gemini sent {} before setupComplete; ignored", keys);
        }
    }

    private void setupTimedOut() {
        if (!ready && !closed) {
            log.warn("Gemini did not answer setup within {}; giving up on this connection", setupTimeout);
            deliverClosed(-1, "no setupComplete within " + setupTimeout.toMillis() + " ms", true);
            connection.close(1000, "setup timed out");
        }
    }

    @Override
    public void onClosed(int code, String reason) {
        String why = redact(reason == null || reason.isBlank() ? "closed" : reason);
        boolean retryable = !closeRequested && CloseClassification.retryable(code, why);
        if (!closeRequested) {
            log.info("Gemini closed the connection{}: {} {}", ready ? "" : " during setup", code, why);
        }
        deliverClosed(code, why, retryable);
    }

    @Override
    public void onFailure(Throwable cause) {
        if (cause instanceof WebSocketHandshakeRefused refused) {
            String why = refused.meaning() + ": " + redact(refused.getMessage());
            log.warn("Gemini {}", why);
            deliverClosed(-1, why, CloseClassification.retryableRefusal(refused.status()));
        } else {
            deliverClosed(-1, "cannot reach provider: " + redact(cause.toString()), !closeRequested);
        }
    }

    private String redact(String text) {
        return GeminiRedaction.redact(text, endpoint.secrets());
    }

    private void flushDeferred() {
        ServerEvent event;
        while (!closed && (event = deferred.poll()) != null) {
            deliver(event);
        }
    }

    private void deliver(ServerEvent event) {
        if (closed) {
            return;
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.error("listener failed on {}; the session carries on", event.getClass().getSimpleName(), e);
        }
    }

    private void deliverClosed(int code, String reason, boolean retryable) {
        if (closed) {
            return;
        }
        flushDeferred();
        closed = true;
        deferred.clear();
        if (setupTimer != null) {
            setupTimer.cancel(false);
        }
        try {
            listener.onEvent(new ServerEvent.Closed(code, reason, retryable));
        } catch (RuntimeException e) {
            log.error("listener failed on Closed", e);
        }
    }
}
