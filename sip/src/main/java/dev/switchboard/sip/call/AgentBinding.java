package dev.switchboard.sip.call;

import dev.switchboard.agent.api.RealtimeTransport;
import dev.switchboard.agent.runtime.AgentProfile;
import dev.switchboard.config.AudioMode;
import dev.switchboard.config.DtmfConfig;
import dev.switchboard.media.recording.PathTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The agent a dialed number reaches: its provider's transport, its profile (session, tools, greeting,
 * guardrails, handoffs), how long opening may take before the caller gets the fallback, how keypad input reaches
 * it, the built-in tools it lists (bound to each call as it starts), whether G.711 may pass through to its
 * provider, what happens when the provider fails, and where its calls are recorded ({@code null}: they are not).
 */
public record AgentBinding(
        String name,
        RealtimeTransport transport,
        AgentProfile profile,
        Duration connectTimeout,
        DtmfConfig dtmf,
        List<String> builtIns,
        Map<String, String> transferTargets,
        AudioMode audio,
        Recovery recovery,
        PathTemplate recording) {

    public AgentBinding {
        builtIns = List.copyOf(builtIns);
        transferTargets = Map.copyOf(transferTargets);
    }
}
