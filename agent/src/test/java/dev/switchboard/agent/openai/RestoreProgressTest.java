package dev.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counting the server's answers to restored items: once per item, whichever events it answers with. */
class RestoreProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean observe(RestoreProgress progress, String json) throws Exception {
        JsonNode event = JSON.readTree(json);
        return progress.observe(event.path("type").asText(), event);
    }

    @Test
    void addedAndCreatedForTheSameItemCountOnce() throws Exception {
        RestoreProgress progress = new RestoreProgress(2);
        assertTrue(observe(progress, "{\"type\":\"conversation.item.added\",\"item\":{\"id\":\"item_1\"}}"));
        assertTrue(observe(progress, "{\"type\":\"conversation.item.created\",\"item\":{\"id\":\"item_1\"}}"));
        assertEquals(1, progress.acknowledged());
        assertFalse(progress.complete());

        assertTrue(observe(progress, "{\"type\":\"conversation.item.added\",\"item\":{\"id\":\"item_2\"}}"));
        assertTrue(progress.complete());
    }

    @Test
    void anErrorAnswersAnItem() throws Exception {
        RestoreProgress progress = new RestoreProgress(2);
        observe(progress, "{\"type\":\"conversation.item.added\",\"item\":{\"id\":\"item_1\"}}");
        observe(progress, "{\"type\":\"error\",\"error\":{\"code\":\"invalid_value\"}}");
        assertEquals(1, progress.acknowledged());
        assertEquals(1, progress.refused());
        assertTrue(progress.complete());
    }

    @Test
    void answersWithoutAnIdCountEach() throws Exception {
        RestoreProgress progress = new RestoreProgress(2);
        observe(progress, "{\"type\":\"conversation.item.added\"}");
        observe(progress, "{\"type\":\"conversation.item.added\",\"item\":{}}");
        assertTrue(progress.complete());
    }

    @Test
    void otherEventsAreNotAnswers() throws Exception {
        RestoreProgress progress = new RestoreProgress(1);
        assertFalse(observe(progress, "{\"type\":\"conversation.item.done\",\"item\":{\"id\":\"item_1\"}}"));
        assertFalse(observe(progress, "{\"type\":\"rate_limits.updated\",\"rate_limits\":[]}"));
        assertFalse(progress.complete());
        assertEquals(1, progress.expected());
    }
}
