package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the server events of the OpenAI Realtime GA protocol (reference §2.2-2.8) in their exact wire shapes.
 * Every event gets a fresh {@code event_id}.
 */
final class ServerEvents {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Ids ids;

    ServerEvents(Ids ids) {
        this.ids = ids;
    }

    ObjectNode sessionCreated(ObjectNode session) {
        return event("session.created").set("session", session);
    }

    ObjectNode sessionUpdated(ObjectNode session) {
        return event("session.updated").set("session", session);
    }

    ObjectNode conversationCreated(String conversationId) {
        ObjectNode event = event("conversation.created");
        event.putObject("conversation").put("id", conversationId).put("object", "realtime.conversation");
        return event;
    }

    /** The error shape of reference §2.8; {@code clientEventId} is the offending event's id or null. */
    ObjectNode error(String code, String message, String param, String clientEventId) {
        ObjectNode event = event("error");
        ObjectNode error = event.putObject("error");
        error.put("type", "invalid_request_error");
        error.put("code", code);
        error.put("message", message);
        error.put("param", param);
        error.put("event_id", clientEventId);
        return event;
    }

    ObjectNode speechStarted(long audioStartMs, String itemId) {
        return event("input_audio_buffer.speech_started").put("audio_start_ms", audioStartMs).put("item_id", itemId);
    }

    ObjectNode speechStopped(long audioEndMs, String itemId) {
        return event("input_audio_buffer.speech_stopped").put("audio_end_ms", audioEndMs).put("item_id", itemId);
    }

    ObjectNode committed(String previousItemId, String itemId) {
        return event("input_audio_buffer.committed").put("previous_item_id", previousItemId).put("item_id", itemId);
    }

    ObjectNode cleared() {
        return event("input_audio_buffer.cleared");
    }

    ObjectNode itemAdded(String previousItemId, ObjectNode item) {
        return event("conversation.item.added").put("previous_item_id", previousItemId).set("item", item.deepCopy());
    }

    ObjectNode itemDone(String previousItemId, ObjectNode item) {
        return event("conversation.item.done").put("previous_item_id", previousItemId).set("item", item.deepCopy());
    }

    ObjectNode itemRetrieved(ObjectNode item) {
        return event("conversation.item.retrieved").set("item", item.deepCopy());
    }

    ObjectNode itemDeleted(String itemId) {
        return event("conversation.item.deleted").put("item_id", itemId);
    }

    ObjectNode itemTruncated(String itemId, int contentIndex, long audioEndMs) {
        return event("conversation.item.truncated").put("item_id", itemId).put("content_index", contentIndex)
                .put("audio_end_ms", audioEndMs);
    }

    ObjectNode responseCreated(ObjectNode response) {
        return event("response.created").set("response", response);
    }

    ObjectNode responseDone(ObjectNode response) {
        return event("response.done").set("response", response);
    }

    ObjectNode outputItemAdded(String responseId, int outputIndex, ObjectNode item) {
        return event("response.output_item.added").put("response_id", responseId).put("output_index", outputIndex)
                .set("item", item.deepCopy());
    }

    ObjectNode outputItemDone(String responseId, int outputIndex, ObjectNode item) {
        return event("response.output_item.done").put("response_id", responseId).put("output_index", outputIndex)
                .set("item", item.deepCopy());
    }

    ObjectNode contentPartAdded(String responseId, String itemId, int outputIndex) {
        return contentEvent("response.content_part.added", responseId, itemId, outputIndex).set("part", audioPart(""));
    }

    ObjectNode contentPartDone(String responseId, String itemId, int outputIndex, String transcript) {
        return contentEvent("response.content_part.done", responseId, itemId, outputIndex)
                .set("part", audioPart(transcript));
    }

    ObjectNode audioDelta(String responseId, String itemId, int outputIndex, String base64) {
        return contentEvent("response.output_audio.delta", responseId, itemId, outputIndex).put("delta", base64);
    }

    ObjectNode audioDone(String responseId, String itemId, int outputIndex) {
        return contentEvent("response.output_audio.done", responseId, itemId, outputIndex);
    }

    ObjectNode transcriptDelta(String responseId, String itemId, int outputIndex, String delta) {
        return contentEvent("response.output_audio_transcript.delta", responseId, itemId, outputIndex)
                .put("delta", delta);
    }

    ObjectNode transcriptDone(String responseId, String itemId, int outputIndex, String transcript) {
        return contentEvent("response.output_audio_transcript.done", responseId, itemId, outputIndex)
                .put("transcript", transcript);
    }

    /** A piece of a function call's arguments (reference §2.6); the pieces concatenated are the arguments. */
    ObjectNode argumentsDelta(String responseId, String itemId, int outputIndex, String callId, String delta) {
        return event("response.function_call_arguments.delta").put("response_id", responseId).put("item_id", itemId)
                .put("output_index", outputIndex).put("call_id", callId).put("delta", delta);
    }

    ObjectNode argumentsDone(String responseId, int outputIndex, ObjectNode functionCall) {
        return event("response.function_call_arguments.done").put("response_id", responseId)
                .put("item_id", functionCall.get("id").textValue()).put("output_index", outputIndex)
                .put("call_id", functionCall.get("call_id").textValue())
                .put("name", functionCall.get("name").textValue())
                .put("arguments", functionCall.get("arguments").textValue());
    }

    /** A committed caller audio item; the local engine does no transcription, hence the null transcript. */
    static ObjectNode userAudioItem(String itemId) {
        ObjectNode item = item(itemId, "message", "completed").put("role", "user");
        item.putArray("content").addObject().put("type", "input_audio").putNull("transcript");
        return item;
    }

    /**
     * An assistant message item. While it is being spoken its content is empty; once finished it holds the one
     * {@code output_audio} part with the transcript ({@code transcript} null: not finished yet).
     */
    static ObjectNode assistantItem(String itemId, String status, String transcript) {
        ObjectNode item = item(itemId, "message", status).put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (transcript != null) {
            content.addObject().put("type", "output_audio").put("transcript", transcript);
        }
        return item;
    }

    /** A function call item (reference §2.6); {@code arguments} is JSON text, empty while in progress. */
    static ObjectNode functionCallItem(String itemId, String status, String callId, String name, String arguments) {
        return item(itemId, "function_call", status).put("call_id", callId).put("name", name)
                .put("arguments", arguments);
    }

    private static ObjectNode item(String itemId, String type, String status) {
        ObjectNode item = JSON.objectNode();
        item.put("id", itemId);
        item.put("object", "realtime.item");
        item.put("type", type);
        item.put("status", status);
        return item;
    }

    /**
     * A {@code realtime.response} object. {@code statusDetails} and {@code output} may be null (reported as null and
     * []); usage is all zeros once the response is over: the local engine counts no tokens.
     */
    static ObjectNode response(String responseId, String conversationId, ObjectNode outputAudio, String status,
                               JsonNode statusDetails, ArrayNode output) {
        ObjectNode response = JSON.objectNode();
        response.put("object", "realtime.response");
        response.put("id", responseId);
        response.put("status", status);
        response.set("status_details", statusDetails == null ? JSON.nullNode() : statusDetails);
        response.set("output", output == null ? JSON.arrayNode() : output);
        response.put("conversation_id", conversationId);
        response.putArray("output_modalities").add("audio");
        response.put("max_output_tokens", "inf");
        response.putObject("audio").set("output", outputAudio.deepCopy());
        response.set("usage", "in_progress".equals(status) ? JSON.nullNode() : zeroUsage());
        response.putNull("metadata");
        return response;
    }

    /** {@code status_details} of a cancelled response; {@code reason} is turn_detected or client_cancelled. */
    static ObjectNode cancelled(String reason) {
        return JSON.objectNode().put("type", "cancelled").put("reason", reason);
    }

    /** {@code status_details} of a response that failed on the server's side (reference §2.5). */
    static ObjectNode failed(String code, String message) {
        ObjectNode details = JSON.objectNode().put("type", "failed");
        details.putObject("error").put("type", "server_error").put("code", code).put("message", message);
        return details;
    }

    private static ObjectNode zeroUsage() {
        ObjectNode usage = JSON.objectNode();
        usage.put("total_tokens", 0);
        usage.put("input_tokens", 0);
        usage.put("output_tokens", 0);
        ObjectNode input = usage.putObject("input_token_details");
        input.put("text_tokens", 0).put("audio_tokens", 0).put("image_tokens", 0).put("cached_tokens", 0);
        input.putObject("cached_tokens_details").put("text_tokens", 0).put("audio_tokens", 0).put("image_tokens", 0);
        usage.putObject("output_token_details").put("text_tokens", 0).put("audio_tokens", 0);
        return usage;
    }

    private static ObjectNode audioPart(String transcript) {
        return JSON.objectNode().put("type", "audio").put("transcript", transcript);
    }

    private ObjectNode contentEvent(String type, String responseId, String itemId, int outputIndex) {
        return event(type).put("response_id", responseId).put("item_id", itemId).put("output_index", outputIndex)
                .put("content_index", 0);
    }

    private ObjectNode event(String type) {
        ObjectNode event = JSON.objectNode();
        event.put("type", type);
        event.put("event_id", ids.next("event"));
        return event;
    }
}
