package dev.switchboard.agent.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.tools.CallInfo;
import dev.switchboard.agent.tools.ToolResult;
import io.netty.channel.EventLoop;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one call's realtime session as an agent (seeds 000 and 001): it runs the tools the model calls while
 * audio keeps flowing, gives each result back as soon as it is ready, asks the model to speak again once no
 * response is running and no tool is outstanding, greets the caller, enforces output guardrails, and hands the
 * call over to another agent when the model asks.
 *
 * <p>The call feeds it every server event before handling audio itself, and tells it when the caller barges in.
 *
 * <p>Threading: confined to the call's event loop; tools and guardrail checks run on {@code executor}.
 */
public final class RealtimeAgent {

    /** What the agent needs from the call around it. */
    public interface Host {

        /** Stops the agent's voice at once, as on barge-in: flush what the caller has not heard, interrupt. */
        void silenceAgent(String reason);

        /** The call now belongs to another agent. */
        void handedOff(AgentProfile to);
    }

    private static final Logger log = LoggerFactory.getLogger(RealtimeAgent.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final RealtimeSession session;
    private final EventLoop loop;
    private final ExecutorService executor;
    private final Function<String, Optional<AgentProfile>> profiles;
    private final Host host;
    private final ToolDispatcher tools;
    private AgentProfile profile;
    private GuardrailMonitor guardrails;
    private boolean responseActive;
    private boolean responseRequested;
    private boolean responseWanted;

    /**
     * @param profiles finds the agents this one may hand over to, by name
     */
    public RealtimeAgent(String name, RealtimeSession session, AgentProfile profile, CallInfo call, EventLoop loop,
            ExecutorService executor, Function<String, Optional<AgentProfile>> profiles, Host host) {
        this.name = name;
        this.session = session;
        this.loop = loop;
        this.executor = executor;
        this.profiles = profiles;
        this.host = host;
        this.tools = new ToolDispatcher(name, loop, executor, call, this::toolCompleted);
        use(profile);
    }

    private void use(AgentProfile next) {
        profile = next;
        if (guardrails != null) {
            guardrails.close();
        }
        guardrails = new GuardrailMonitor(next.guardrails(), next.guardrailEvery(), loop, executor,
                this::guardrailTripped);
    }

    public AgentProfile profile() {
        return profile;
    }

    /** Sends a command to the session (caller audio, user text). */
    public boolean send(ClientEvent event) {
        return session.send(event);
    }

    /** Speaks the agent's greeting, if it has one. Call once the session is ready. */
    public void greet() {
        if (profile.greeting().isPresent()) {
            requestResponse(profile.greeting().responseInstructions());
        }
    }

    /** Asks the model to respond (e.g. to keypad input) as soon as nothing else is running. */
    public void respondWhenIdle() {
        responseWanted = true;
        maybeRespond();
    }

    /** Observes a server event; the call handles audio and lifecycle itself. */
    public void onEvent(ServerEvent event) {
        switch (event) {
            case ServerEvent.ToolCallStarted started -> tools.started(started.callId());
            case ServerEvent.ToolCallArgumentsDelta delta -> tools.argumentsDelta(delta.callId(), delta.delta());
            case ServerEvent.ToolCallDone done -> toolCalled(done);
            case ServerEvent.ResponseStarted started -> {
                responseActive = true;
                responseRequested = false;
            }
            case ServerEvent.ResponseDone done -> {
                responseActive = false;
                maybeRespond();
            }
            case ServerEvent.ProviderError error -> {
                responseRequested = false; // possibly our response.create refused: what was wanted still is
                maybeRespond();
            }
            case ServerEvent.Transcript transcript when transcript.role() == ServerEvent.Role.AGENT ->
                    guardrails.transcript(transcript.itemId(), transcript.text(), transcript.done());
            default -> { }
        }
    }

    /**
     * The caller talked over the agent: running tools are cancelled and half-streamed calls dropped (their
     * results would answer a question the caller has moved on from), and the session is told what was heard.
     */
    public void interrupt(String itemId, int contentIndex, long heardMillis) {
        responseWanted = false; // before cancelling: the cancelled calls' results must not ask for an answer
        tools.cancelAll("the caller interrupted");
        guardrails.reset();
        session.send(new ClientEvent.Interrupt(itemId, contentIndex, heardMillis));
    }

    /** The call is over: stop every tool and guardrail check. */
    public void close() {
        responseWanted = false;
        guardrails.close();
        tools.cancelAll("the call ended");
    }

    private void toolCalled(ServerEvent.ToolCallDone done) {
        Optional<String> handoff = profile.handoffs().stream()
                .filter(agent -> AgentProfile.handoffTool(agent).equals(done.name()))
                .findFirst();
        if (handoff.isPresent()) {
            handOff(done.callId(), handoff.get());
        } else {
            tools.done(done.callId(), done.name(), done.arguments(), profile.tools());
        }
    }

    private void handOff(String callId, String agent) {
        Optional<AgentProfile> next = profiles.apply(agent);
        if (next.isEmpty()) {
            toolCompleted(callId, AgentProfile.handoffTool(agent), ToolResult.error("no agent named " + agent));
            return;
        }
        log.info("{}: handing the call from agent {} to agent {}", name, profile.name(), agent);
        tools.forget(callId);
        use(next.get());
        session.send(new ClientEvent.UpdateSession(profile.sessionConfig()));
        toolCompleted(callId, AgentProfile.handoffTool(agent),
                ToolResult.ok(JSON.createObjectNode().put("handed_off_to", agent).toString()));
        host.handedOff(profile);
    }

    private void toolCompleted(String callId, String toolName, ToolResult result) {
        session.send(new ClientEvent.ToolResult(callId, result.output()));
        if (result.respond()) {
            responseWanted = true;
        }
        maybeRespond();
    }

    private void guardrailTripped(String itemId, String rule) {
        log.warn("{}: guardrail tripped on {}: {}", name, itemId, rule);
        host.silenceAgent("guardrail: " + rule);
        session.send(new ClientEvent.UserText(profile.guardrailMessage().replace("{rule}", rule)));
        responseWanted = true;
        maybeRespond();
    }

    /**
     * One response at a time per conversation (realtime-protocols §2.5): ask for one only when none is running
     * or requested, and no tool is still out — their results belong in the same answer.
     */
    private void maybeRespond() {
        if (responseWanted && !responseActive && !responseRequested && tools.running() == 0) {
            requestResponse(null);
        }
    }

    private void requestResponse(String instructions) {
        responseWanted = false;
        responseRequested = true;
        session.send(new ClientEvent.CreateResponse(instructions));
    }
}
