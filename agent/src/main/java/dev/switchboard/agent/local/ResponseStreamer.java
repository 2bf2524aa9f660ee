package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Plays out one spoken response: the event sequence of reference §2.5 for a single assistant audio item, its
 * audio in 100 ms deltas paced on the connection's event loop (timers, never sleeping), and the closing events with
 * status {@code completed}, or {@code cancelled} when interrupted. The local engine produces no transcript, so there
 * are no transcript deltas and every transcript is empty.
 */
final class ResponseStreamer {

    /** 100 ms of 24 kHz PCM16. */
    static final int DELTA_BYTES = 100 * Pcm24k.BYTES_PER_MS;

    /** Told once when the response is over, after its {@code response.done}. */
    interface Listener {
        void responseFinished(ResponseStreamer response, ObjectNode finalItem, long audioBytesSent);
    }

    /** What every response of a session has in common. */
    record Context(ServerEvents events, EventSink sink, EventExecutor loop, Duration deltaInterval,
                   String conversationId, Listener listener) {
    }

    private final Context context;
    private final String responseId;
    private final String itemId;
    private final String previousItemId;
    private final ObjectNode outputAudio;
    private final byte[] audio;
    private int sent;
    private boolean finished;
    private ScheduledFuture<?> nextDelta;

    /**
     * @param previousItemId the conversation item before this response's item, or null
     * @param outputAudio    the session's {@code audio.output} ({format, voice}) when the response was created
     * @param audio          the PCM to speak, not empty
     */
    ResponseStreamer(Context context, String responseId, String itemId, String previousItemId,
                     ObjectNode outputAudio, byte[] audio) {
        this.context = context;
        this.responseId = responseId;
        this.itemId = itemId;
        this.previousItemId = previousItemId;
        this.outputAudio = outputAudio;
        this.audio = audio;
    }

    String responseId() {
        return responseId;
    }

    /** Announces the response and its item, then starts the audio. */
    void start() {
        ServerEvents events = context.events();
        EventSink sink = context.sink();
        sink.send(events.responseCreated(response("in_progress", null, null)));
        ObjectNode item = ServerEvents.assistantItem(itemId, "in_progress", false);
        sink.send(events.outputItemAdded(responseId, item));
        sink.send(events.itemAdded(previousItemId, item));
        sink.send(events.contentPartAdded(responseId, itemId));
        sendNextDelta();
    }

    /** Stops the audio and closes the response as cancelled; {@code reason} is turn_detected or client_cancelled. */
    void cancel(String reason) {
        if (!finished) {
            finish("cancelled", ServerEvents.cancelled(reason));
        }
    }

    /** Stops without further events, because the connection is gone. */
    void abort() {
        finished = true;
        if (nextDelta != null) {
            nextDelta.cancel(false);
        }
    }

    private void sendNextDelta() {
        if (finished) {
            return;
        }
        if (context.sink().writable()) {
            int end = Math.min(audio.length, sent + DELTA_BYTES);
            String base64 = Base64.getEncoder().encodeToString(Arrays.copyOfRange(audio, sent, end));
            context.sink().send(context.events().audioDelta(responseId, itemId, base64));
            sent = end;
            if (sent == audio.length) {
                finish("completed", null);
                return;
            }
        }
        nextDelta = context.loop().schedule(this::sendNextDelta, context.deltaInterval().toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private void finish(String status, JsonNode statusDetails) {
        abort();
        ServerEvents events = context.events();
        EventSink sink = context.sink();
        sink.send(events.audioDone(responseId, itemId));
        sink.send(events.transcriptDone(responseId, itemId));
        sink.send(events.contentPartDone(responseId, itemId));
        ObjectNode item = ServerEvents.assistantItem(itemId, "completed".equals(status) ? "completed" : "incomplete",
                true);
        sink.send(events.outputItemDone(responseId, item));
        sink.send(events.itemDone(previousItemId, item));
        sink.send(events.responseDone(response(status, statusDetails, item)));
        context.listener().responseFinished(this, item, sent);
    }

    private ObjectNode response(String status, JsonNode statusDetails, ObjectNode item) {
        return ServerEvents.response(responseId, context.conversationId(), outputAudio, status, statusDetails,
                item == null ? null : JsonNodeFactory.instance.arrayNode().add(item.deepCopy()));
    }
}
