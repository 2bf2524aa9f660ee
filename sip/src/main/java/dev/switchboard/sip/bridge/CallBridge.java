package dev.switchboard.sip.bridge;

import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.MediaSessionListener;
import dev.switchboard.media.playout.PlaybackPosition;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one call's media stream to its agent session.
 *
 * <p>Caller audio goes to the agent as it arrives. The agent's audio goes into the media engine's playout buffer,
 * which paces it out. When the provider hears the caller start speaking while the agent talks (barge-in), the
 * bridge flushes the playout buffer at once — the caller stops hearing the agent at the next 20 ms tick — and
 * tells the provider how much of the agent's item was actually heard, so the unheard rest leaves the model's
 * context (realtime-protocols §2.7). Audio still in flight from the interrupted response is dropped.
 *
 * <p>Threading: confined to the call's event loop, like the media session and the agent session it joins.
 */
public final class CallBridge implements MediaSessionListener {

    private static final Logger log = LoggerFactory.getLogger(CallBridge.class);

    private final String name;
    private MediaSession media;
    private RealtimeSession agent;
    private String activeResponse;
    private final Set<String> interruptedResponses = new HashSet<>();
    private long callerChunksDropped;
    private int bargeIns;

    public CallBridge(String name) {
        this.name = name;
    }

    /** The media stream has started; agent audio can be played from now on. */
    public void attachMedia(MediaSession media) {
        this.media = media;
    }

    /** The agent session exists (it may still be connecting). */
    public void attachAgent(RealtimeSession agent) {
        this.agent = agent;
    }

    /** Stops forwarding in both directions; called when the call ends. */
    public void detach() {
        media = null;
        agent = null;
    }

    @Override
    public void onCallerAudio(byte[] audio) {
        if (agent == null || !agent.send(new ClientEvent.AppendAudio(audio))) {
            callerChunksDropped++;
        }
    }

    /** Handles the agent's events other than its lifecycle (ready, closed), which the call itself handles. */
    public void onAgentEvent(ServerEvent event) {
        switch (event) {
            case ServerEvent.AudioDelta delta -> play(delta);
            case ServerEvent.SpeechStarted started -> bargeIn();
            case ServerEvent.ResponseStarted started -> activeResponse = started.responseId();
            case ServerEvent.ResponseDone done -> responseDone(done);
            case ServerEvent.Transcript transcript when transcript.done() && !transcript.text().isBlank() ->
                    log.info("{}: {} said: {}", name, transcript.role() == ServerEvent.Role.USER ? "caller" : "agent",
                            transcript.text());
            case ServerEvent.ProviderError error ->
                    log.warn("{}: provider error {}: {}", name, error.code(), error.message());
            case ServerEvent.Unrecognized unknown -> log.debug("{}: provider event {}", name, unknown.type());
            default -> { }
        }
    }

    private void play(ServerEvent.AudioDelta delta) {
        if (media == null || interruptedResponses.contains(delta.responseId())) {
            return;
        }
        media.playAgentAudio(delta.itemId(), delta.contentIndex(), delta.audio());
    }

    /**
     * The caller started speaking. If the agent is talking (audio queued, or a response still generating), stop
     * it: flush what the caller has not heard, and tell the provider where the caller stopped hearing.
     */
    private void bargeIn() {
        boolean talking = media != null && media.isPlaying();
        if (!talking && activeResponse == null) {
            return;
        }
        PlaybackPosition cut = media == null ? null : media.interruptPlayback();
        if (activeResponse != null) {
            interruptedResponses.add(activeResponse);
        }
        bargeIns++;
        if (agent != null) {
            agent.send(cut == null
                    ? new ClientEvent.Interrupt(null, 0, 0)
                    : new ClientEvent.Interrupt(cut.itemId(), cut.contentIndex(), cut.playedMillis()));
        }
        log.info("{}: caller barged in{}", name, cut == null ? "" : " after " + cut.playedMillis() + " ms of "
                + cut.itemId());
    }

    private void responseDone(ServerEvent.ResponseDone done) {
        if (done.responseId() != null && done.responseId().equals(activeResponse)) {
            activeResponse = null;
        }
        // Nothing of a response follows its response.done on the same socket, so its id can be forgotten.
        interruptedResponses.remove(done.responseId());
        log.debug("{}: response {} {}{}", name, done.responseId(), done.status(),
                done.reason() == null ? "" : " (" + done.reason() + ")");
    }

    /** How many times the caller interrupted the agent. */
    public int bargeIns() {
        return bargeIns;
    }

    /** Caller audio chunks that could not be sent because the agent session was not open. */
    public long callerChunksDropped() {
        return callerChunksDropped;
    }
}
