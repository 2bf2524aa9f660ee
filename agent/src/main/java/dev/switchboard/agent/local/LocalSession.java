package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.concurrent.EventExecutor;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One connection's realtime session: reacts to client events with the server events of the OpenAI Realtime GA
 * protocol (reference §2) — session configuration, caller audio and server VAD, conversation items, responses and
 * barge-in. What the responses say is up to its {@link SessionBehaviour}. All state is confined to the connection's
 * event loop; nothing here blocks.
 */
final class LocalSession implements ResponseStreamer.Listener {

    /** OpenAI refuses to commit less than this much audio. */
    private static final long MIN_COMMIT_MS = 100;

    private final Ids ids;
    private final ServerEvents events;
    private final EventSink sink;
    private final SessionConfig config;
    private final SessionBehaviour behaviour;
    private final Conversation conversation = new Conversation();
    private final AudioInput input;
    private final ResponseStreamer.Context responseContext;

    private String turnItemId;
    private ResponseStreamer activeResponse;
    private boolean responsePending;

    LocalSession(String model, SessionBehaviour behaviour, Ids ids, EventSink sink, EventExecutor loop,
                 Duration deltaInterval) {
        this.ids = ids;
        this.events = new ServerEvents(ids);
        this.sink = sink;
        this.behaviour = behaviour;
        this.config = SessionConfig.withDefaults(ids.next("sess"), model);
        this.input = new AudioInput(config.turnDetection(), AudioInput.DEFAULT_MAX_BUFFERED_MS);
        this.responseContext = new ResponseStreamer.Context(events, sink, loop, deltaInterval, ids,
                ids.next("conv"), conversation, this);
    }

    /** Greets a new connection with {@code session.created} and {@code conversation.created}. */
    void open() {
        sink.send(events.sessionCreated(config.snapshot()));
        sink.send(events.conversationCreated(responseContext.conversationId()));
    }

    /** Handles one parsed client message; a bad one gets an {@code error} event and the session carries on. */
    void onMessage(JsonNode message) {
        try {
            dispatch(ClientEvent.parse(message));
        } catch (RequestException e) {
            sink.send(events.error(e.code(), e.getMessage(), e.param(), ClientEvent.eventIdOf(message)));
        }
    }

    /** Reports a message that could not even be read as JSON. */
    void onUnreadableMessage(String why) {
        sink.send(events.error("invalid_event", why, null, null));
    }

    /** The connection is gone: stop timers, send nothing more. */
    void close() {
        if (activeResponse != null) {
            activeResponse.abort();
            activeResponse = null;
        }
    }

    private void dispatch(ClientEvent event) {
        switch (event) {
            case ClientEvent.SessionUpdate update -> updateSession(update.session());
            case ClientEvent.AudioAppend append -> appendAudio(decodeAudio(append.audio()));
            case ClientEvent.AudioCommit ignored -> commitManually();
            case ClientEvent.AudioClear ignored -> clearAudio();
            case ClientEvent.ResponseCreate create -> createResponseOnRequest(create.instructions());
            case ClientEvent.ResponseCancel cancel -> cancelResponse(cancel.responseId());
            case ClientEvent.ItemCreate create -> createItem(create.previousItemId(), create.item());
            case ClientEvent.ItemDelete delete -> {
                conversation.delete(delete.itemId());
                sink.send(events.itemDeleted(delete.itemId()));
            }
            case ClientEvent.ItemRetrieve retrieve ->
                    sink.send(events.itemRetrieved(conversation.get(retrieve.itemId())));
            case ClientEvent.ItemTruncate t -> {
                conversation.truncate(t.itemId(), t.contentIndex(), t.audioEndMs());
                sink.send(events.itemTruncated(t.itemId(), t.contentIndex(), t.audioEndMs()));
            }
        }
    }

    private void updateSession(ObjectNode patch) {
        TurnDetection before = config.turnDetection();
        config.update(patch);
        TurnDetection after = config.turnDetection();
        if (!Objects.equals(before, after)) {
            input.reconfigure(after);
            if (!input.inTurn()) {
                turnItemId = null;
            }
        }
        sink.send(events.sessionUpdated(config.snapshot()));
    }

    private static byte[] decodeAudio(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new RequestException("invalid_value", "Invalid 'audio': not valid base64 (" + e.getMessage() + ").",
                    "audio");
        }
    }

    private void appendAudio(byte[] pcm) {
        for (AudioInput.Turn turn : input.append(pcm)) {
            switch (turn) {
                case AudioInput.SpeechStarted started -> speechStarted(started.startSample());
                case AudioInput.SpeechStopped stopped -> speechStopped(stopped.endSample(), stopped.utterance());
            }
        }
    }

    private void speechStarted(long startSample) {
        turnItemId = ids.next("item");
        sink.send(events.speechStarted(Pcm24k.samplesToMs(startSample), turnItemId));
        TurnDetection turnDetection = config.turnDetection();
        if (activeResponse != null && turnDetection.interruptResponse()) {
            activeResponse.cancel("turn_detected");
        }
    }

    private void speechStopped(long endSample, byte[] utterance) {
        String itemId = turnItemId;
        turnItemId = null;
        sink.send(events.speechStopped(Pcm24k.samplesToMs(endSample), itemId));
        commitUserAudio(itemId, utterance);
        if (config.turnDetection().createResponse() && behaviour.answersSpeech()) {
            if (activeResponse == null) {
                startResponse(null);
            } else {
                responsePending = true;
            }
        }
    }

    private void commitManually() {
        long bufferedMs = input.bufferedBytes() / Pcm24k.BYTES_PER_MS;
        if (bufferedMs < MIN_COMMIT_MS) {
            throw new RequestException("input_audio_buffer_commit_empty", "Error committing input audio buffer: "
                    + "buffer too small. Expected at least " + MIN_COMMIT_MS + "ms of audio, but buffer only has "
                    + bufferedMs + "ms of audio.", null);
        }
        String itemId = turnItemId != null ? turnItemId : ids.next("item");
        turnItemId = null;
        commitUserAudio(itemId, input.takeAll());
    }

    private void clearAudio() {
        input.clear();
        turnItemId = null;
        sink.send(events.cleared());
    }

    /** Turns caller audio into a user item and tells the behaviour, which may answer it. */
    private void commitUserAudio(String itemId, byte[] audio) {
        ObjectNode item = ServerEvents.userAudioItem(itemId);
        String previous = conversation.append(item);
        sink.send(events.committed(previous, itemId));
        sink.send(events.itemAdded(previous, item));
        sink.send(events.itemDone(previous, item));
        behaviour.audioCommitted(audio);
    }

    private void createResponseOnRequest(String instructions) {
        if (activeResponse != null) {
            throw new RequestException("conversation_already_has_active_response", "Conversation already has an "
                    + "active response in progress: " + activeResponse.responseId()
                    + ". Wait until the response is finished before creating a new one.", null);
        }
        startResponse(instructions);
    }

    /** Starts the response the behaviour plans; one with nothing to say completes at once, so no client hangs. */
    private void startResponse(String instructions) {
        List<ResponseOutput> outputs = behaviour.nextResponse(instructions);
        activeResponse = new ResponseStreamer(responseContext, ids.next("resp"), config.outputAudio(), outputs);
        activeResponse.start();
    }

    private void cancelResponse(String responseId) {
        if (activeResponse == null) {
            throw new RequestException("response_cancel_not_active",
                    "Cancellation failed: no active response found.", null);
        }
        if (responseId != null && !responseId.equals(activeResponse.responseId())) {
            throw new RequestException("response_cancel_not_active", "Cancellation failed: response '" + responseId
                    + "' is not active; the active one is '" + activeResponse.responseId() + "'.", "response_id");
        }
        activeResponse.cancel("client_cancelled");
    }

    @Override
    public void responseFinished(ResponseStreamer response) {
        activeResponse = null;
        if (responsePending) {
            responsePending = false;
            startResponse(null);
        }
    }

    private void createItem(String previousItemId, ObjectNode item) {
        if (previousItemId != null && !"root".equals(previousItemId) && !conversation.contains(previousItemId)) {
            throw new RequestException("invalid_value", "previous_item_id '" + previousItemId
                    + "' does not exist in the conversation.", "previous_item_id");
        }
        ClientItems.validate(item);
        ObjectNode stored = item.deepCopy();
        String itemId = Params.optionalText(item.get("id"), "item.id");
        if (itemId == null) {
            stored.put("id", ids.next("item"));
        } else if (conversation.contains(itemId)) {
            throw new RequestException("invalid_value", "Item '" + itemId + "' already exists.", "item.id");
        }
        stored.put("object", "realtime.item");
        if (!stored.has("status")) {
            stored.put("status", "completed");
        }
        String previous = conversation.append(stored);
        sink.send(events.itemAdded(previous, stored));
        sink.send(events.itemDone(previous, stored));
        behaviour.itemCreated(stored);
    }
}
