package dev.switchboard.agent.resilience;

import dev.switchboard.agent.api.ClientEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the call sends while no connection is up, to be replayed on the new one in order: the most recent caller
 * audio (at most {@link #MAX_AUDIO_MILLIS} of it, whatever the format), and every tool result, keypad text and
 * response request. An interruption or a commit has nothing to act on and is dropped.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class PendingInput {

    /** What a caller says just before the connection is back; older speech would answer a stale turn. */
    static final int MAX_AUDIO_MILLIS = 3_000;

    private final int maxAudioBytes;
    private final Deque<byte[]> audio = new ArrayDeque<>();
    private final List<ClientEvent> events = new ArrayList<>();
    private int audioBytes;
    private boolean respond;

    /** @param bytesPerMillisecond of the caller audio the session sends (G.711: 8, 24 kHz PCM16: 48) */
    PendingInput(int bytesPerMillisecond) {
        this.maxAudioBytes = MAX_AUDIO_MILLIS * bytesPerMillisecond;
    }

    void hold(ClientEvent event) {
        switch (event) {
            case ClientEvent.AppendAudio append -> holdAudio(append.audio());
            case ClientEvent.Interrupt interrupt -> { }
            case ClientEvent.CommitAudio commit -> { }
            case ClientEvent.UpdateSession update -> { }
            default -> events.add(event);
        }
    }

    private void holdAudio(byte[] chunk) {
        audio.addLast(chunk);
        audioBytes += chunk.length;
        while (audioBytes > maxAudioBytes && !audio.isEmpty()) {
            audioBytes -= audio.removeFirst().length;
        }
    }

    /** A response was cut off by the drop: ask for one again once restored. */
    void respondAfterRestore() {
        respond = true;
    }

    /** Sends everything held to {@code send}, oldest first, then empties. */
    void replay(Predicate<ClientEvent> send) {
        audio.forEach(chunk -> send.test(new ClientEvent.AppendAudio(chunk)));
        boolean asked = false;
        for (ClientEvent event : events) {
            send.test(event);
            asked |= event instanceof ClientEvent.CreateResponse;
        }
        if (respond && !asked) {
            send.test(new ClientEvent.CreateResponse());
        }
        audio.clear();
        events.clear();
        audioBytes = 0;
        respond = false;
    }
}
