package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The items of a session's default conversation in order, plus how much audio each assistant item carries and
 * where the client truncated it (reference §2.7). New items always go to the end.
 */
final class Conversation {

    private final LinkedHashMap<String, ObjectNode> items = new LinkedHashMap<>();
    private final Map<String, Long> assistantAudioBytes = new HashMap<>();
    private final Map<String, Long> truncatedAtMs = new HashMap<>();

    /** The id of the newest item, or null for an empty conversation. */
    String lastItemId() {
        return items.isEmpty() ? null : items.lastEntry().getKey();
    }

    boolean contains(String itemId) {
        return items.containsKey(itemId);
    }

    /**
     * Appends an item.
     *
     * @return the id of the item before it, or null
     */
    String append(ObjectNode item) {
        String previous = lastItemId();
        items.put(item.get("id").textValue(), item.deepCopy());
        return previous;
    }

    /** Replaces an item in place, e.g. an assistant item once its response is over. */
    void update(ObjectNode item) {
        items.replace(item.get("id").textValue(), item.deepCopy());
    }

    ObjectNode get(String itemId) {
        ObjectNode item = items.get(itemId);
        if (item == null) {
            throw noSuchItem(itemId);
        }
        return item.deepCopy();
    }

    void delete(String itemId) {
        if (items.remove(itemId) == null) {
            throw noSuchItem(itemId);
        }
        assistantAudioBytes.remove(itemId);
        truncatedAtMs.remove(itemId);
    }

    /** Records how many bytes of audio an assistant item holds. */
    void setAssistantAudio(String itemId, long bytes) {
        assistantAudioBytes.put(itemId, bytes);
    }

    /** Where the client truncated an item's audio, or null. */
    Long truncatedAtMs(String itemId) {
        return truncatedAtMs.get(itemId);
    }

    /** Validates and remembers a {@code conversation.item.truncate}. */
    void truncate(String itemId, int contentIndex, long audioEndMs) {
        Long bytes = assistantAudioBytes.get(itemId);
        if (bytes == null) {
            throw new RequestException("invalid_value", "Item '" + itemId
                    + "' is not an assistant audio item of this conversation; only those can be truncated.", "item_id");
        }
        if (contentIndex != 0) {
            throw new RequestException("invalid_value", "Item '" + itemId + "' has audio at content_index 0 only, not "
                    + contentIndex + ".", "content_index");
        }
        long durationMs = Pcm24k.bytesToMsCeil(bytes);
        if (audioEndMs > durationMs) {
            throw new RequestException("invalid_value", "audio_end_ms " + audioEndMs + " is beyond the audio's "
                    + durationMs + " ms.", "audio_end_ms");
        }
        truncatedAtMs.put(itemId, audioEndMs);
    }

    private static RequestException noSuchItem(String itemId) {
        return new RequestException("invalid_value", "Item '" + itemId + "' does not exist in the conversation.",
                "item_id");
    }
}
