package dev.switchboard.agent.resilience;

import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeListener;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.api.Resume;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realtime session that outlives its connections (seed 003).
 *
 * <p>When the provider's socket drops for a reason reconnecting could fix, it reconnects with exponential
 * backoff and restores the session — configuration, tools, and the conversation so far (as history items, or a
 * provider resumption handle) — then sends what the call said meanwhile: the last seconds of caller audio, tool
 * results, key presses; a response cut off by the drop is asked for again. The call sees
 * {@link ServerEvent.Reconnecting} and {@link ServerEvent.Reconnected} instead of a close. A fatal failure (a
 * refused key, an unknown model) or spent attempts end it with a {@link ServerEvent.Closed} that is not retryable.
 *
 * <p>Connections are also replaced on purpose: before the provider's maximum session length, and when the
 * provider says it is going away, a new connection is opened beside the old one, restored, and swapped in once
 * ready, at a moment when no response, tool call or caller utterance is under way — invisibly to the caller.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class ResilientSession implements RealtimeSession {

    private static final Logger log = LoggerFactory.getLogger(ResilientSession.class);

    private enum State { CONNECTING, OPEN, RECONNECTING, CLOSED }

    private final String name;
    private final RealtimeTransport transport;
    private final EventLoop loop;
    private final RealtimeListener listener;
    private final ReconnectPolicy policy;
    private final ConversationHistory history = new ConversationHistory();
    private final PendingInput pending;
    private final Set<String> outstandingTools = new HashSet<>();
    private SessionConfig config;
    private State state = State.CONNECTING;
    private RealtimeSession current;
    private int currentId;
    private RealtimeSession replacement;
    private int replacementId;
    private int nextId;
    private int attempt;
    private String resumeHandle;
    /** Whether the connection being made resumes with a handle (which the provider may refuse as stale). */
    private boolean resumedWithHandle;
    private String activeResponse;
    private boolean callerSpeaking;
    private boolean recycleWanted;
    private boolean closeRequested;
    private ScheduledFuture<?> recycleTimer;

    private ResilientSession(String name, RealtimeTransport transport, SessionConfig config, EventLoop loop,
            RealtimeListener listener, ReconnectPolicy policy) {
        this.name = name;
        this.transport = transport;
        this.config = config;
        this.loop = loop;
        this.listener = listener;
        this.policy = policy;
        this.pending = new PendingInput(config.inputFormat().bytesPerMillisecond());
    }

    /** Opens the first connection. Call on {@code loop}; events arrive there, starting with SessionReady. */
    public static ResilientSession open(String name, RealtimeTransport transport, SessionConfig config,
            EventLoop loop, RealtimeListener listener, ReconnectPolicy policy) {
        ResilientSession session = new ResilientSession(name, transport, config, loop, listener, policy);
        session.currentId = ++session.nextId;
        session.current = session.connect(session.currentId, Resume.NONE);
        return session;
    }

    private RealtimeSession connect(int id, Resume resume) {
        return transport.open(config, resume, loop, event -> onProviderEvent(id, event));
    }

    @Override
    public boolean send(ClientEvent event) {
        switch (state) {
            case CLOSED, CONNECTING -> {
                return false;
            }
            case RECONNECTING -> {
                record(event);
                pending.hold(event);
                return true;
            }
            default -> {
                record(event);
                boolean sent = current.send(event);
                if (!sent && event instanceof ClientEvent.UpdateSession) {
                    // The provider cannot change a live connection (Gemini): move to one opened with the new
                    // configuration and the conversation so far.
                    recycleWanted = true;
                    maybeRecycle();
                    return true;
                }
                return sent;
            }
        }
    }

    private void record(ClientEvent event) {
        history.observe(event);
        switch (event) {
            case ClientEvent.ToolResult result -> outstandingTools.remove(result.callId());
            case ClientEvent.UpdateSession update -> config = update.config();
            default -> { }
        }
    }

    /** Open while a connection is up or being replaced after a drop: the call carries on either way. */
    @Override
    public boolean isOpen() {
        return state == State.OPEN || state == State.RECONNECTING;
    }

    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        closeRequested = true;
        cancelRecycle();
        if (replacement != null) {
            replacement.close();
            replacement = null;
        }
        if (current == null) {
            // Between attempts: no connection to close, so no Closed would come from one.
            state = State.CLOSED;
            listener.onEvent(new ServerEvent.Closed(1000, "closed while reconnecting", false));
            return;
        }
        current.close();
    }

    private void onProviderEvent(int id, ServerEvent event) {
        if (state == State.CLOSED) {
            return;
        }
        if (id == replacementId && replacement != null) {
            onReplacementEvent(event);
        } else if (id == currentId) {
            onCurrentEvent(event);
        }
    }

    private void onCurrentEvent(ServerEvent event) {
        switch (event) {
            case ServerEvent.SessionReady ready -> opened();
            case ServerEvent.Closed closed -> dropped(closed);
            case ServerEvent.ResumptionHandle handle -> resumeHandle = handle.handle();
            case ServerEvent.GoingAway goingAway -> {
                log.info("{}: the provider will close this connection in {}; replacing it", name, goingAway.timeLeft());
                recycleWanted = true;
                maybeRecycle();
            }
            default -> {
                track(event);
                listener.onEvent(event);
                maybeRecycle();
            }
        }
    }

    /** Follows what a recycle or a restore must not cut into: responses, tool calls, the caller speaking. */
    private void track(ServerEvent event) {
        history.observe(event);
        switch (event) {
            case ServerEvent.ResponseStarted started -> activeResponse = started.responseId();
            case ServerEvent.ResponseDone done -> activeResponse = null;
            case ServerEvent.ToolCallDone call -> outstandingTools.add(call.callId());
            case ServerEvent.SpeechStarted started -> callerSpeaking = true;
            case ServerEvent.SpeechStopped stopped -> callerSpeaking = false;
            default -> { }
        }
    }

    private void opened() {
        resumedWithHandle = false;
        State was = state;
        state = State.OPEN;
        scheduleRecycle();
        if (was == State.CONNECTING) {
            listener.onEvent(new ServerEvent.SessionReady());
            return;
        }
        log.info("{}: reconnected after {} attempt(s); conversation restored", name, attempt);
        listener.onEvent(new ServerEvent.Reconnected(attempt));
        attempt = 0;
        pending.replay(current::send);
    }

    private void dropped(ServerEvent.Closed closed) {
        cancelRecycle();
        if (!closeRequested && !closed.retryable() && resumedWithHandle && attempt < policy.attempts()) {
            // A resumption handle can expire (Gemini refuses it as fatal): try once more with the history alone.
            log.warn("{}: the provider refused the resumption handle ({}); restoring from the history", name,
                    closed.reason());
            resumeHandle = null;
            closed = new ServerEvent.Closed(closed.code(), closed.reason(), true);
        }
        boolean retry = !closeRequested && closed.retryable() && attempt < policy.attempts();
        if (!retry) {
            state = State.CLOSED;
            String why = attempt > 0 ? closed.reason() + " (after " + attempt + " reconnect attempts)" : closed.reason();
            listener.onEvent(new ServerEvent.Closed(closed.code(), why, false));
            return;
        }
        attempt++;
        if (state == State.OPEN) {
            interruptedByDrop(closed.reason());
        }
        if (state != State.CONNECTING) {
            state = State.RECONNECTING;
        }
        current = null;
        long delay = policy.backoff(attempt).toMillis();
        log.warn("{}: provider connection lost ({}); reconnect attempt {} of {} in {} ms", name, closed.reason(),
                attempt, policy.attempts(), delay);
        loop.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
    }

    /** The call hears that the agent stopped and will be back; a response cut off is asked for again later. */
    private void interruptedByDrop(String reason) {
        if (activeResponse != null) {
            listener.onEvent(new ServerEvent.ResponseDone(activeResponse, "cancelled", "connection lost"));
            activeResponse = null;
            pending.respondAfterRestore();
        }
        callerSpeaking = false;
        listener.onEvent(new ServerEvent.Reconnecting(attempt, reason));
    }

    private void reconnect() {
        if (state == State.CLOSED || closeRequested) {
            return;
        }
        currentId = ++nextId;
        resumedWithHandle = resumeHandle != null;
        current = connect(currentId, new Resume(history.entries(), resumeHandle));
    }

    private void onReplacementEvent(ServerEvent event) {
        switch (event) {
            case ServerEvent.SessionReady ready -> swapIn();
            case ServerEvent.ResumptionHandle handle -> resumeHandle = handle.handle();
            case ServerEvent.Closed closed -> {
                log.warn("{}: could not open a replacement connection ({}); keeping the current one", name,
                        closed.reason());
                replacement = null;
                loop.schedule(this::maybeRecycle, policy.maxBackoff().toMillis(), TimeUnit.MILLISECONDS);
            }
            default -> { }
        }
    }

    private void swapIn() {
        RealtimeSession old = current;
        current = replacement;
        currentId = replacementId;
        replacement = null;
        recycleWanted = false;
        old.close();
        scheduleRecycle();
        log.info("{}: provider connection recycled", name);
    }

    private void scheduleRecycle() {
        cancelRecycle();
        if (policy.maxSession() != null) {
            recycleTimer = loop.schedule(() -> {
                recycleWanted = true;
                maybeRecycle();
            }, policy.maxSession().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void cancelRecycle() {
        if (recycleTimer != null) {
            recycleTimer.cancel(false);
            recycleTimer = null;
        }
    }

    /** Replaces the connection once nothing is under way: no response, no tool call, no caller mid-sentence. */
    private void maybeRecycle() {
        if (!recycleWanted || state != State.OPEN || replacement != null || closeRequested
                || activeResponse != null || !outstandingTools.isEmpty() || callerSpeaking) {
            return;
        }
        replacementId = ++nextId;
        replacement = connect(replacementId, new Resume(history.entries(), resumeHandle));
    }
}
