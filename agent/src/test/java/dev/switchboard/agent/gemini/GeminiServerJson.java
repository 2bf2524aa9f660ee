package dev.switchboard.agent.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/** Gemini Live server messages as the wire carries them (realtime-protocols §6.4), for the fake server and tests. */
final class GeminiServerJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeminiServerJson() {}

    static String setupComplete() {
        return "{\"setupComplete\":{\"sessionId\":\"fake-session\"}}";
    }

    /** One chunk of the model's voice, PCM16 at 24 kHz. */
    static String audio(byte[] pcm24k) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("serverContent").putObject("modelTurn").putArray("parts").addObject()
                .putObject("inlineData")
                .put("mimeType", "audio/pcm;rate=24000")
                .put("data", Base64.getEncoder().encodeToString(pcm24k));
        return root.toString();
    }

    static String outputTranscription(String text) {
        ObjectNode content = JSON.createObjectNode();
        content.putObject("outputTranscription").put("text", text);
        return serverContent(content);
    }

    static String inputTranscription(String text, boolean finished) {
        ObjectNode transcription = JSON.createObjectNode().put("text", text);
        if (finished) {
            transcription.put("finished", true);
        }
        ObjectNode content = JSON.createObjectNode();
        content.set("inputTranscription", transcription);
        return serverContent(content);
    }

    static String generationComplete() {
        return flag("generationComplete");
    }

    static String turnComplete() {
        return flag("turnComplete");
    }

    static String interrupted() {
        return flag("interrupted");
    }

    static String toolCall(String id, String name, String argsJson) {
        try {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode call = root.putObject("toolCall").putArray("functionCalls").addObject();
            call.put("id", id).put("name", name).set("args", JSON.readTree(argsJson));
            return root.toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("bad args JSON in a test: " + argsJson, e);
        }
    }

    static String toolCallCancellation(String id) {
        return "{\"toolCallCancellation\":{\"ids\":[\"" + id + "\"]}}";
    }

    static String goAway(String timeLeft) {
        return "{\"goAway\":{\"timeLeft\":\"" + timeLeft + "\"}}";
    }

    static String resumptionUpdate(String handle, boolean resumable) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("sessionResumptionUpdate").put("newHandle", handle).put("resumable", resumable);
        return root.toString();
    }

    static String usage(int prompt, int response, int total) {
        return "{\"usageMetadata\":{\"promptTokenCount\":" + prompt + ",\"responseTokenCount\":" + response
                + ",\"totalTokenCount\":" + total + "}}";
    }

    private static String flag(String name) {
        return serverContent(JSON.createObjectNode().put(name, true));
    }

    private static String serverContent(ObjectNode content) {
        ObjectNode root = JSON.createObjectNode();
        root.set("serverContent", content);
        return root.toString();
    }
}
