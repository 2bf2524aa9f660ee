package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The client events of the OpenAI Realtime GA protocol that the local engine understands (reference §2.2-2.10),
 * parsed from their JSON. Every event may carry an {@code event_id}, echoed in errors it causes.
 */
sealed interface ClientEvent {

    /** The client's {@code event_id}, or null. */
    String eventId();

    record SessionUpdate(String eventId, ObjectNode session) implements ClientEvent {
    }

    /** {@code audio} is still base64: decoding errors are reported by the session. */
    record AudioAppend(String eventId, String audio) implements ClientEvent {
    }

    record AudioCommit(String eventId) implements ClientEvent {
    }

    record AudioClear(String eventId) implements ClientEvent {
    }

    /** {@code instructions} are the request's {@code response.instructions}, or null; other overrides are ignored. */
    record ResponseCreate(String eventId, String instructions) implements ClientEvent {
    }

    /** {@code responseId} is null when the client cancels whatever is active. */
    record ResponseCancel(String eventId, String responseId) implements ClientEvent {
    }

    record ItemCreate(String eventId, String previousItemId, ObjectNode item) implements ClientEvent {
    }

    record ItemDelete(String eventId, String itemId) implements ClientEvent {
    }

    record ItemRetrieve(String eventId, String itemId) implements ClientEvent {
    }

    record ItemTruncate(String eventId, String itemId, int contentIndex, long audioEndMs) implements ClientEvent {
    }

    /** The {@code event_id} of a client message, if it has a usable one, even when the rest is invalid. */
    static String eventIdOf(JsonNode message) {
        JsonNode id = message == null ? null : message.get("event_id");
        return id != null && id.isTextual() ? id.textValue() : null;
    }

    /**
     * Parses one client message.
     *
     * @throws RequestException {@code invalid_event} when it is not an event, {@code unknown_event} for a type this
     *                          engine does not know, or a parameter error
     */
    static ClientEvent parse(JsonNode message) {
        if (!message.isObject()) {
            throw new RequestException("invalid_event", "A client event must be a JSON object.", null);
        }
        JsonNode typeNode = message.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new RequestException("invalid_event", "The 'type' field is missing.", "type");
        }
        String id = eventIdOf(message);
        String type = typeNode.textValue();
        return switch (type) {
            case "session.update" -> new SessionUpdate(id, Params.requireObject(message.get("session"), "session"));
            case "input_audio_buffer.append" -> new AudioAppend(id, Params.requireText(message.get("audio"), "audio"));
            case "input_audio_buffer.commit" -> new AudioCommit(id);
            case "input_audio_buffer.clear" -> new AudioClear(id);
            case "response.create" -> new ResponseCreate(id, instructionsOf(message.get("response")));
            case "response.cancel" -> new ResponseCancel(id,
                    Params.optionalText(message.get("response_id"), "response_id"));
            case "conversation.item.create" -> new ItemCreate(id,
                    Params.optionalText(message.get("previous_item_id"), "previous_item_id"),
                    Params.requireObject(message.get("item"), "item"));
            case "conversation.item.delete" -> new ItemDelete(id, Params.requireText(message.get("item_id"), "item_id"));
            case "conversation.item.retrieve" ->
                    new ItemRetrieve(id, Params.requireText(message.get("item_id"), "item_id"));
            case "conversation.item.truncate" -> new ItemTruncate(id,
                    Params.requireText(message.get("item_id"), "item_id"),
                    (int) Params.requireIntegerIn(message.get("content_index"), "content_index", 0, Integer.MAX_VALUE),
                    Params.requireIntegerIn(message.get("audio_end_ms"), "audio_end_ms", 0, Long.MAX_VALUE));
            case "output_audio_buffer.clear" -> throw new RequestException("invalid_event",
                    "output_audio_buffer.clear exists only for WebRTC and SIP connections; over a WebSocket the client"
                            + " owns playout.", "type");
            default -> throw new RequestException("unknown_event", "Unknown client event type '" + type + "'.", "type");
        };
    }

    /** {@code response.instructions} of a {@code response.create}; the {@code response} object is optional. */
    private static String instructionsOf(JsonNode response) {
        if (Params.isAbsent(response) || response.isNull()) {
            return null;
        }
        return Params.optionalText(Params.requireObject(response, "response").get("instructions"),
                "response.instructions");
    }
}
