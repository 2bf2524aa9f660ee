package dev.switchboard.sip.call;

import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.resilience.ResilientSession;
import dev.switchboard.agent.runtime.AgentProfile;
import dev.switchboard.agent.runtime.RealtimeAgent;
import dev.switchboard.agent.tools.CallInfo;
import dev.switchboard.sip.bridge.CallBridge;
import dev.switchboard.sip.tools.BuiltinTools;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's agent side: opens the realtime session (one that reconnects and recycles itself), runs it through a
 * {@link RealtimeAgent} with the agent's tools (built-ins bound to this call), and routes what the session
 * reports — its lifecycle to the call, everything else to the agent runtime and then the bridge.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class CallAgent implements RealtimeAgent.Host {

    /** What the call hears of the session's lifecycle. */
    interface Lifecycle {
        void ready();

        /** The agent is gone for good: a fatal error, or reconnecting gave up. */
        void failed(String reason);

        void reconnecting();

        void reconnected();
    }

    private static final Logger log = LoggerFactory.getLogger(CallAgent.class);

    private final String name;
    private final AgentBinding binding;
    private final SessionConfig session;
    private final CallInfo info;
    private final CallServices services;
    private final EventLoop loop;
    private final CallBridge bridge;
    private final CallControl control;
    private final Lifecycle lifecycle;
    private RealtimeSession connection;
    private RealtimeAgent agent;
    private String current;
    private boolean closed;

    /** @param session the agent's session with the audio formats chosen for this call */
    CallAgent(String name, AgentBinding binding, SessionConfig session, CallInfo info, CallServices services,
            EventLoop loop, CallBridge bridge, CallControl control, Lifecycle lifecycle) {
        this.name = name;
        this.binding = binding;
        this.session = session;
        this.info = info;
        this.services = services;
        this.loop = loop;
        this.bridge = bridge;
        this.control = control;
        this.lifecycle = lifecycle;
        this.current = binding.name();
    }

    /** Opens the session; its events arrive on the loop, so nothing is delivered before this returns. */
    void open() {
        AgentProfile profile = bind(binding);
        connection = ResilientSession.open(name, binding.transport(), profile.sessionConfig(), loop, this::onEvent,
                binding.recovery().policy());
        agent = new RealtimeAgent(name, connection, profile, info, loop, services.tools(),
                other -> services.agents().named(other).map(this::bind), this);
        bridge.attachAgent(agent);
    }

    /** An agent's profile for this call: its built-ins bound to the call, and the call's audio formats. */
    private AgentProfile bind(AgentBinding agent) {
        return agent.profile()
                .withTools(BuiltinTools.bind(agent.builtIns(), agent.transferTargets(), control))
                .withFormats(session.inputFormat(), session.outputFormat());
    }

    private void onEvent(ServerEvent event) {
        if (closed) {
            return; // the call let go of the agent; what the session says while closing is nobody's business
        }
        switch (event) {
            case ServerEvent.SessionReady sessionReady -> {
                agent.greet();
                lifecycle.ready();
            }
            case ServerEvent.Closed gone -> lifecycle.failed(gone.reason());
            case ServerEvent.Reconnecting reconnecting -> lifecycle.reconnecting();
            case ServerEvent.Reconnected reconnected -> lifecycle.reconnected();
            case ServerEvent.RateLimits limits -> log.debug("{}: rate limits {}", name, limits.limits());
            default -> {
                agent.onEvent(event);
                bridge.onAgentEvent(event);
            }
        }
    }

    /** The agent now answering the call (handoffs change it). */
    String currentAgent() {
        return current;
    }

    void close() {
        closed = true;
        if (agent != null) {
            agent.close();
        }
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public void silenceAgent(String reason) {
        bridge.bargeIn(reason);
    }

    @Override
    public void handedOff(AgentProfile to) {
        log.info("{}: now with agent {}", name, to.name());
        current = to.name();
    }
}
