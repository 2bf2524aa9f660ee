package dev.switchboard.sip.call;

import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.runtime.AgentProfile;
import dev.switchboard.agent.runtime.RealtimeAgent;
import dev.switchboard.agent.tools.CallInfo;
import dev.switchboard.sip.bridge.CallBridge;
import dev.switchboard.sip.tools.BuiltinTools;
import io.netty.channel.EventLoop;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's agent side: opens the realtime session, runs it through a {@link RealtimeAgent} with the agent's tools
 * (built-ins bound to this call), and routes what the session reports — readiness and closing to the call's
 * state machine, everything else to the agent runtime and then the bridge.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class CallAgent implements RealtimeAgent.Host {

    private static final Logger log = LoggerFactory.getLogger(CallAgent.class);

    private final String name;
    private final AgentBinding binding;
    private final CallInfo info;
    private final CallServices services;
    private final EventLoop loop;
    private final CallBridge bridge;
    private final CallControl control;
    private final Runnable ready;
    private final Consumer<String> closed;
    private RealtimeSession session;
    private RealtimeAgent agent;
    private String current;

    CallAgent(String name, AgentBinding binding, CallInfo info, CallServices services, EventLoop loop,
            CallBridge bridge, CallControl control, Runnable ready, Consumer<String> closed) {
        this.name = name;
        this.binding = binding;
        this.info = info;
        this.services = services;
        this.loop = loop;
        this.bridge = bridge;
        this.control = control;
        this.ready = ready;
        this.closed = closed;
        this.current = binding.name();
    }

    /** Opens the session; its events arrive on the loop, so nothing is delivered before this returns. */
    void open() {
        AgentProfile profile = bind(binding);
        session = binding.transport().open(profile.sessionConfig(), loop, this::onEvent);
        agent = new RealtimeAgent(name, session, profile, info, loop, services.tools(),
                other -> services.agents().named(other).map(this::bind), this);
        bridge.attachAgent(agent);
    }

    private AgentProfile bind(AgentBinding agent) {
        return agent.profile().withTools(BuiltinTools.bind(agent.builtIns(), agent.transferTargets(), control));
    }

    private void onEvent(ServerEvent event) {
        switch (event) {
            case ServerEvent.SessionReady sessionReady -> {
                agent.greet();
                ready.run();
            }
            case ServerEvent.Closed gone -> closed.accept(gone.reason());
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
        if (agent != null) {
            agent.close();
        }
        if (session != null) {
            session.close();
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
