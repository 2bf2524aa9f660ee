package dev.switchboard.agent.local;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationTest {

    private final Conversation conversation = new Conversation();

    @Test
    void itemsChainByPreviousId() {
        assertNull(conversation.append(ServerEvents.userAudioItem("item_1")));
        assertEquals("item_1", conversation.append(ServerEvents.assistantItem("item_2", "completed", "")));
        assertEquals("item_2", conversation.lastItemId());

        conversation.delete("item_2");

        assertEquals("item_1", conversation.lastItemId());
        assertEquals("invalid_value", assertThrows(RequestException.class, () -> conversation.get("item_2")).code());
    }

    @Test
    void truncationWithinTheAudioIsRemembered() {
        conversation.append(ServerEvents.assistantItem("item_1", "completed", ""));
        conversation.setAssistantAudio("item_1", 1240L * Pcm24k.BYTES_PER_MS);

        conversation.truncate("item_1", 0, 1240);

        assertEquals(1240L, conversation.truncatedAtMs("item_1"));
    }

    @Test
    void truncationBeyondTheAudioSaysHowLongItIs() {
        conversation.append(ServerEvents.assistantItem("item_1", "completed", ""));
        conversation.setAssistantAudio("item_1", 1240L * Pcm24k.BYTES_PER_MS);

        RequestException e = assertThrows(RequestException.class, () -> conversation.truncate("item_1", 0, 1500));

        assertEquals("audio_end_ms", e.param());
        assertTrue(e.getMessage().contains("1240 ms"), e.getMessage());
        assertNull(conversation.truncatedAtMs("item_1"));
    }

    @Test
    void onlyAssistantAudioCanBeTruncated() {
        conversation.append(ServerEvents.userAudioItem("item_1"));

        assertEquals("item_id", assertThrows(RequestException.class,
                () -> conversation.truncate("item_1", 0, 10)).param());
    }
}
