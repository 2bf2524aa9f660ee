package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Plays out one response: {@code response.created}, then its outputs one after another — each spoken message with
 * the event sequence of reference §2.5, its audio in 100 ms deltas paced on the connection's event loop (timers,
 * never sleeping), each function call with the events of §2.6 — then {@code response.done}: {@code completed},
 * {@code cancelled} when interrupted, {@code failed} when speech could not be synthesised.
 *
 * <p>A message's audio may still be being synthesised when its turn comes; the response then waits for it without
 * blocking the loop. A message's transcript is sent whole, in one delta before its audio. Cancelling closes the
 * message being spoken as {@code incomplete} and drops the outputs not yet started.
 */
final class ResponseStreamer {

    /** 100 ms of 24 kHz PCM16. */
    static final int DELTA_BYTES = 100 * Pcm24k.BYTES_PER_MS;

    private static final Logger LOG = LoggerFactory.getLogger(ResponseStreamer.class);

    /** Told once when the response is over, after its {@code response.done}. */
    interface Listener {
        void responseFinished(ResponseStreamer response);
    }

    /** What every response of a session has in common. */
    record Context(ServerEvents events, EventSink sink, EventExecutor loop, Duration deltaInterval, Ids ids,
                   String conversationId, Conversation conversation, Listener listener) {
    }

    private final Context context;
    private final String responseId;
    private final ObjectNode outputAudio;
    private final List<ResponseOutput> outputs;
    private final ArrayNode finishedItems = JsonNodeFactory.instance.arrayNode();
    private int outputIndex;
    private boolean finished;
    private Speaking speaking;
    private ScheduledFuture<?> nextDelta;

    /** The message being spoken and how far. */
    private static final class Speaking {
        final String itemId;
        final String previousItemId;
        final String transcript;
        final byte[] audio;
        int sent;

        Speaking(String itemId, String previousItemId, String transcript, byte[] audio) {
            this.itemId = itemId;
            this.previousItemId = previousItemId;
            this.transcript = transcript;
            this.audio = audio;
        }
    }

    /**
     * @param outputAudio the session's {@code audio.output} ({format, voice}) when the response was created
     * @param outputs     what the response produces, in order; may be empty
     */
    ResponseStreamer(Context context, String responseId, ObjectNode outputAudio, List<ResponseOutput> outputs) {
        this.context = context;
        this.responseId = responseId;
        this.outputAudio = outputAudio;
        this.outputs = List.copyOf(outputs);
    }

    String responseId() {
        return responseId;
    }

    /** Announces the response and starts its first output. */
    void start() {
        context.sink().send(context.events().responseCreated(response("in_progress", null)));
        playNextOutput();
    }

    /** Stops and closes the response as cancelled; {@code reason} is turn_detected or client_cancelled. */
    void cancel(String reason) {
        if (finished) {
            return;
        }
        if (speaking != null) {
            endMessage("incomplete");
        }
        finish("cancelled", ServerEvents.cancelled(reason));
    }

    /**
     * Stops without further events, because the connection is gone. Synthesis not yet started for this response
     * is called off, so a client that cancels response after response cannot queue up work for the voice.
     */
    void abort() {
        finished = true;
        if (nextDelta != null) {
            nextDelta.cancel(false);
        }
        for (ResponseOutput output : outputs.subList(Math.min(outputIndex, outputs.size()), outputs.size())) {
            if (output instanceof ResponseOutput.Audio audio) {
                audio.pcm().cancel(false);
            }
        }
    }

    private void playNextOutput() {
        if (outputIndex == outputs.size()) {
            finish("completed", null);
            return;
        }
        switch (outputs.get(outputIndex)) {
            case ResponseOutput.Audio audio -> speakWhenReady(audio);
            case ResponseOutput.FunctionCall call -> {
                emitFunctionCall(call);
                outputIndex++;
                playNextOutput();
            }
        }
    }

    /** Speaks at once when the audio is there (as echoed audio always is), else once synthesis delivers it. */
    private void speakWhenReady(ResponseOutput.Audio audio) {
        CompletableFuture<byte[]> pcm = audio.pcm();
        if (pcm.isDone() && !pcm.isCompletedExceptionally()) {
            startMessage(audio.transcript(), pcm.join());
            return;
        }
        pcm.whenCompleteAsync((ready, error) -> {
            if (finished) {
                return;
            }
            if (error != null) {
                synthesisFailed(error instanceof CompletionException ? error.getCause() : error);
            } else {
                startMessage(audio.transcript(), ready);
            }
        }, context.loop());
    }

    private void startMessage(String transcript, byte[] audio) {
        ServerEvents events = context.events();
        EventSink sink = context.sink();
        String itemId = context.ids().next("item");
        ObjectNode item = ServerEvents.assistantItem(itemId, "in_progress", null);
        String previous = context.conversation().append(item);
        context.conversation().setAssistantAudio(itemId, audio.length);
        speaking = new Speaking(itemId, previous, transcript, audio);
        sink.send(events.outputItemAdded(responseId, outputIndex, item));
        sink.send(events.itemAdded(previous, item));
        sink.send(events.contentPartAdded(responseId, itemId, outputIndex));
        if (!transcript.isEmpty()) {
            sink.send(events.transcriptDelta(responseId, itemId, outputIndex, transcript));
        }
        sendNextDelta();
    }

    private void sendNextDelta() {
        if (finished) {
            return;
        }
        Speaking message = speaking;
        if (message.sent < message.audio.length && context.sink().writable()) {
            int end = Math.min(message.audio.length, message.sent + DELTA_BYTES);
            String base64 = Base64.getEncoder().encodeToString(Arrays.copyOfRange(message.audio, message.sent, end));
            context.sink().send(context.events().audioDelta(responseId, message.itemId, outputIndex, base64));
            message.sent = end;
        }
        if (message.sent == message.audio.length) {
            endMessage("completed");
            outputIndex++;
            playNextOutput();
            return;
        }
        nextDelta = context.loop().schedule(this::sendNextDelta, context.deltaInterval().toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Closes the message being spoken; {@code status} is completed or incomplete. */
    private void endMessage(String status) {
        if (nextDelta != null) {
            nextDelta.cancel(false);
        }
        Speaking message = speaking;
        speaking = null;
        ServerEvents events = context.events();
        EventSink sink = context.sink();
        sink.send(events.audioDone(responseId, message.itemId, outputIndex));
        sink.send(events.transcriptDone(responseId, message.itemId, outputIndex, message.transcript));
        sink.send(events.contentPartDone(responseId, message.itemId, outputIndex, message.transcript));
        ObjectNode item = ServerEvents.assistantItem(message.itemId, status, message.transcript);
        sink.send(events.outputItemDone(responseId, outputIndex, item));
        sink.send(events.itemDone(message.previousItemId, item));
        if (context.conversation().contains(message.itemId)) {
            context.conversation().update(item);
            context.conversation().setAssistantAudio(message.itemId, message.sent);
        }
        finishedItems.add(item);
    }

    /** A function call, all at once: its arguments come in two deltas, as a model streams them. */
    private void emitFunctionCall(ResponseOutput.FunctionCall call) {
        ServerEvents events = context.events();
        EventSink sink = context.sink();
        String itemId = context.ids().next("item");
        ObjectNode item = ServerEvents.functionCallItem(itemId, "in_progress", call.callId(), call.name(), "");
        String previous = context.conversation().append(item);
        sink.send(events.outputItemAdded(responseId, outputIndex, item));
        sink.send(events.itemAdded(previous, item));
        String arguments = call.arguments();
        int half = arguments.length() / 2;
        for (String piece : List.of(arguments.substring(0, half), arguments.substring(half))) {
            if (!piece.isEmpty()) {
                sink.send(events.argumentsDelta(responseId, itemId, outputIndex, call.callId(), piece));
            }
        }
        ObjectNode done = ServerEvents.functionCallItem(itemId, "completed", call.callId(), call.name(), arguments);
        context.conversation().update(done);
        sink.send(events.argumentsDone(responseId, outputIndex, done));
        sink.send(events.outputItemDone(responseId, outputIndex, done));
        sink.send(events.itemDone(previous, done));
        finishedItems.add(done);
    }

    private void synthesisFailed(Throwable cause) {
        LOG.warn("response {} failed: speech synthesis failed: {}", responseId, cause.toString());
        finish("failed", ServerEvents.failed("speech_synthesis_failed",
                "The local engine could not synthesise speech: " + cause.getMessage()));
    }

    private void finish(String status, JsonNode statusDetails) {
        abort();
        context.sink().send(context.events().responseDone(response(status, statusDetails)));
        context.listener().responseFinished(this);
    }

    private ObjectNode response(String status, JsonNode statusDetails) {
        return ServerEvents.response(responseId, context.conversationId(), outputAudio, status, statusDetails,
                "in_progress".equals(status) ? null : finishedItems.deepCopy());
    }
}
