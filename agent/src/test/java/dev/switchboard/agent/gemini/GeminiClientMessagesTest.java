package dev.switchboard.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The client messages after setup (realtime-protocols §6.3, §6.5). */
class GeminiClientMessagesTest {

    private static JsonNode json(String text) throws Exception {
        return GeminiClientMessages.JSON.readTree(text);
    }

    @Test
    void audioIsRealtimeInputWithTheInputRate() throws Exception {
        byte[] pcm = {1, 2, 3, 4, -1, -128};

        JsonNode message = json(GeminiClientMessages.audio(pcm));

        assertEquals("audio/pcm;rate=16000", message.at("/realtimeInput/audio/mimeType").asText());
        assertArrayEquals(pcm, Base64.getDecoder().decode(message.at("/realtimeInput/audio/data").asText()));
        assertEquals(1, message.size());
        assertEquals(1, message.path("realtimeInput").size());
    }

    @Test
    void audioStreamEndAndUserTurn() throws Exception {
        assertEquals("{\"realtimeInput\":{\"audioStreamEnd\":true}}", GeminiClientMessages.audioStreamEnd());
        assertEquals(json("""
                {"clientContent":{"turns":[{"role":"user","parts":[{"text":"Say \\"hi\\"\\n"}]}],"turnComplete":true}}
                """), json(GeminiClientMessages.userTurn("Say \"hi\"\n")));
    }

    @Test
    void jsonOutputIsSentAsAnObject() throws Exception {
        assertEquals(json("""
                {"toolResponse":{"functionResponses":[{"id":"fc-1","name":"lookup_order",
                  "response":{"output":{"status":"shipped"}}}]}}
                """), json(GeminiClientMessages.toolResponse("fc-1", "lookup_order", "{\"status\":\"shipped\"}")));
    }

    @Test
    void anErrorObjectIsSentAsError() throws Exception {
        assertEquals(json("""
                {"toolResponse":{"functionResponses":[{"id":"fc-2","name":"lookup_order",
                  "response":{"error":"order not found"}}]}}
                """), json(GeminiClientMessages.toolResponse("fc-2", "lookup_order",
                "{\"error\":\"order not found\",\"hint\":\"ignored\"}")));
    }

    @Test
    void otherOutputsAreWrappedAsOutput() throws Exception {
        assertEquals("{\"output\":\"shipped yesterday\"}", GeminiClientMessages.responseBody("shipped yesterday")
                .toString());
        assertEquals("{\"output\":\"12 apples\"}", GeminiClientMessages.responseBody("12 apples").toString(),
                "text that merely starts like JSON stays text");
        assertEquals("{\"output\":[1,2]}", GeminiClientMessages.responseBody("[1,2]").toString());
        assertEquals("{\"output\":42}", GeminiClientMessages.responseBody("42").toString());
        assertEquals("{\"output\":\"\"}", GeminiClientMessages.responseBody(null).toString());
        assertEquals("{\"output\":{\"errors\":0}}", GeminiClientMessages.responseBody("{\"errors\":0}").toString());
    }

    @Test
    void aCallWithoutAnIdIsAnsweredByNameAlone() throws Exception {
        JsonNode answer = json(GeminiClientMessages.toolResponse(null, "end_call", "{}"))
                .at("/toolResponse/functionResponses/0");

        assertEquals(json("{\"name\":\"end_call\",\"response\":{\"output\":{}}}"), answer);
    }
}
