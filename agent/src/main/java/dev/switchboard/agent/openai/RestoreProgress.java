package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts the server's answers to the history items a replacement session sent. Each
 * {@code conversation.item.create} is answered with {@code conversation.item.added}, and OpenAI may also send
 * {@code conversation.item.created} for the same item (realtime-protocols §2.4, §2.6), so answers are counted by
 * item id; an answer without an id counts on its own. An {@code error} counts as an answer too: the item it
 * refused will never be acknowledged.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class RestoreProgress {

    private final int expected;
    private final Set<String> acknowledgedIds = new HashSet<>();
    private int acknowledgedWithoutId;
    private int refused;

    RestoreProgress(int expected) {
        this.expected = expected;
    }

    /** Counts {@code event} if it answers an item; true when it did. */
    boolean observe(String type, JsonNode event) {
        switch (type) {
            case "conversation.item.added", "conversation.item.created" -> {
                JsonNode id = event.path("item").path("id");
                if (id.isTextual()) {
                    acknowledgedIds.add(id.textValue());
                } else {
                    acknowledgedWithoutId++;
                }
                return true;
            }
            case "error" -> {
                refused++;
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Every item has been acknowledged or refused. */
    boolean complete() {
        return acknowledged() + refused >= expected;
    }

    int expected() {
        return expected;
    }

    int acknowledged() {
        return acknowledgedIds.size() + acknowledgedWithoutId;
    }

    int refused() {
        return refused;
    }
}
