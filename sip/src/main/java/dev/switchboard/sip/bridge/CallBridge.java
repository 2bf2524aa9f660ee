package dev.switchboard.sip.bridge;

import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.runtime.RealtimeAgent;
import dev.switchboard.config.DtmfConfig;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.MediaSessionListener;
import dev.switchboard.media.playout.PlaybackPosition;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one call's media stream to its agent.
 *
 * <p>Caller audio goes to the agent as it arrives. The agent's audio goes into the media engine's playout buffer,
 * which paces it out; audio that arrives before the stream has started (a greeting prepared while the phone
 * rings) waits here and plays from the first frame. When the provider hears the caller start speaking while the
 * agent talks (barge-in), the bridge flushes the playout buffer at once — the caller stops hearing the agent at
 * the next 20 ms tick — and tells the agent how much of its item was actually heard, so the unheard rest leaves
 * the model's context (realtime-protocols §2.7). Audio still in flight from the interrupted response is dropped.
 * Key presses go through a {@link DtmfCollector}; the first key of an entry also stops the agent talking.
 *
 * <p>Threading: confined to the call's event loop, like the media session and the agent it joins.
 */
public final class CallBridge implements MediaSessionListener {

    private static final Logger log = LoggerFactory.getLogger(CallBridge.class);
    /** Agent audio kept before the stream starts: 30 s of 24 kHz PCM16. */
    private static final int MAX_EARLY_AUDIO_BYTES = 30 * 48_000;

    private final String name;
    private final DtmfCollector keypad;
    private final Runnable onMediaTimeout;
    private final List<ServerEvent.AudioDelta> earlyAudio = new ArrayList<>();
    private final Set<String> interruptedResponses = new HashSet<>();
    private int earlyAudioBytes;
    private MediaSession media;
    private RealtimeAgent agent;
    private String activeResponse;
    private long callerChunksDropped;
    private int bargeIns;
    private int prompts;
    private long inputTokens;
    private long outputTokens;

    /** @param onMediaTimeout runs, on the loop, when the caller's media has stopped dead (not on hold) */
    public CallBridge(String name, DtmfConfig keypadConfig, EventLoop loop, Runnable onMediaTimeout) {
        this.name = name;
        this.onMediaTimeout = onMediaTimeout;
        this.keypad = new DtmfCollector(keypadConfig, loop, this::keyed);
    }

    /** The media stream has started: early agent audio plays now, and from now on as it comes. */
    public void attachMedia(MediaSession media) {
        this.media = media;
        earlyAudio.forEach(this::play);
        earlyAudio.clear();
    }

    /** The agent exists (its session may still be connecting). */
    public void attachAgent(RealtimeAgent agent) {
        this.agent = agent;
    }

    /** Stops forwarding in both directions; called when the call ends. */
    public void detach() {
        media = null;
        agent = null;
        keypad.close();
        earlyAudio.clear();
    }

    @Override
    public void onCallerAudio(byte[] audio) {
        if (agent == null || !agent.send(new ClientEvent.AppendAudio(audio))) {
            callerChunksDropped++;
        }
    }

    /**
     * The media engine heard the caller start speaking (a provider without server VAD): a barge-in when the agent
     * is talking. The provider needs no telling beyond the interruption.
     */
    @Override
    public void onCallerSpeechStarted() {
        if (isAgentTalking()) {
            bargeIn("caller speech");
        }
    }

    @Override
    public void onMediaTimeout() {
        onMediaTimeout.run();
    }

    /** Plays a prompt of the server's own (already in the agent's output format) like the agent's voice. */
    public void playPrompt(String id, byte[] audio) {
        play(new ServerEvent.AudioDelta("prompt-" + ++prompts, id, 0, audio));
    }

    @Override
    public void onDtmf(char digit) {
        if (keypad.idle() && isAgentTalking()) {
            bargeIn("key press");
        }
        keypad.digit(digit);
    }

    /** Handles the agent's events other than its lifecycle (ready, closed), which the call itself handles. */
    public void onAgentEvent(ServerEvent event) {
        switch (event) {
            case ServerEvent.AudioDelta delta -> play(delta);
            case ServerEvent.SpeechStarted started -> {
                if (isAgentTalking()) {
                    bargeIn("caller speech");
                }
            }
            case ServerEvent.ResponseStarted started -> activeResponse = started.responseId();
            case ServerEvent.ResponseDone done -> responseDone(done);
            case ServerEvent.Transcript transcript when transcript.done() && !transcript.text().isBlank() ->
                    log.info("{}: {} said: {}", name, transcript.role() == ServerEvent.Role.USER ? "caller" : "agent",
                            transcript.text());
            case ServerEvent.Usage usage -> {
                inputTokens += usage.inputTokens();
                outputTokens += usage.outputTokens();
            }
            case ServerEvent.ProviderError error ->
                    log.warn("{}: provider error {}: {}", name, error.code(), error.message());
            case ServerEvent.Unrecognized unknown -> log.debug("{}: provider event {}", name, unknown.type());
            default -> { }
        }
    }

    /** Whether the agent is speaking: audio queued for the caller, or a response still being generated. */
    public boolean isAgentTalking() {
        return (media != null && media.isPlaying()) || !earlyAudio.isEmpty() || activeResponse != null;
    }

    /**
     * Stops the agent at once: flushes what the caller has not heard and tells the agent where the caller stopped
     * hearing (barge-in, a key press, a guardrail).
     */
    public void bargeIn(String why) {
        if (agent == null) {
            return; // no agent (it failed): what plays is the fallback, which must be heard whole
        }
        PlaybackPosition cut = media == null ? null : media.interruptPlayback();
        earlyAudio.clear();
        earlyAudioBytes = 0;
        if (activeResponse != null) {
            interruptedResponses.add(activeResponse);
        }
        bargeIns++;
        if (cut == null) {
            agent.interrupt(null, 0, 0);
        } else {
            agent.interrupt(cut.itemId(), cut.contentIndex(), cut.playedMillis());
        }
        log.info("{}: agent interrupted by {}{}", name, why,
                cut == null ? "" : " after " + cut.playedMillis() + " ms of " + cut.itemId());
    }

    private void keyed(String keys) {
        log.info("{}: caller keyed {}", name, keys);
        if (agent != null) {
            agent.send(new ClientEvent.UserText(keys));
            agent.respondWhenIdle();
        }
    }

    private void play(ServerEvent.AudioDelta delta) {
        if (interruptedResponses.contains(delta.responseId())) {
            return;
        }
        if (media != null) {
            media.playAgentAudio(delta.itemId(), delta.contentIndex(), delta.audio());
        } else if (earlyAudioBytes + delta.audio().length <= MAX_EARLY_AUDIO_BYTES) {
            earlyAudio.add(delta);
            earlyAudioBytes += delta.audio().length;
        }
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

    /** How many times the agent was interrupted. */
    public int bargeIns() {
        return bargeIns;
    }

    /** Tokens the provider reported for this call: input and output. */
    public String tokens() {
        return inputTokens + " in / " + outputTokens + " out";
    }

    /** Caller audio chunks that could not be sent because the agent session was not open. */
    public long callerChunksDropped() {
        return callerChunksDropped;
    }
}
