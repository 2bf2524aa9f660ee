package dev.switchboard.agent.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.agent.api.ClientEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caller audio held during an outage is bounded by time, whatever its format, and the newest is kept. */
class PendingInputTest {

    private static List<ClientEvent> replayed(PendingInput pending) {
        List<ClientEvent> sent = new ArrayList<>();
        pending.replay(sent::add);
        return sent;
    }

    /** Holds {@code millis} of 20 ms chunks whose first byte numbers them. */
    private static void holdAudio(PendingInput pending, int bytesPerMillisecond, int millis) {
        for (int chunk = 0; chunk < millis / 20; chunk++) {
            byte[] audio = new byte[20 * bytesPerMillisecond];
            audio[0] = (byte) chunk;
            pending.hold(new ClientEvent.AppendAudio(audio));
        }
    }

    @Test
    void g711AudioIsBoundedToTheSameSecondsAsPcm() {
        for (int bytesPerMillisecond : new int[] {8, 32, 48}) {
            PendingInput pending = new PendingInput(bytesPerMillisecond);
            holdAudio(pending, bytesPerMillisecond, 4_000);

            List<ClientEvent> sent = replayed(pending);
            assertEquals(PendingInput.MAX_AUDIO_MILLIS / 20, sent.size(), bytesPerMillisecond + " bytes/ms");
            byte firstKept = ((ClientEvent.AppendAudio) sent.getFirst()).audio()[0];
            assertEquals((4_000 - PendingInput.MAX_AUDIO_MILLIS) / 20, firstKept, "the oldest second is dropped");
        }
    }

    @Test
    void toolResultsFollowTheAudioAndAResponseIsAskedForOnce() {
        PendingInput pending = new PendingInput(8);
        pending.hold(new ClientEvent.ToolResult("call_1", "{}"));
        holdAudio(pending, 8, 40);
        pending.hold(new ClientEvent.Interrupt(null, 0, 0));
        pending.respondAfterRestore();

        List<ClientEvent> sent = replayed(pending);
        assertEquals(List.of(ClientEvent.AppendAudio.class, ClientEvent.AppendAudio.class,
                ClientEvent.ToolResult.class, ClientEvent.CreateResponse.class),
                sent.stream().map(Object::getClass).toList());
        assertEquals(List.of(), replayed(pending), "replayed once");
    }
}
