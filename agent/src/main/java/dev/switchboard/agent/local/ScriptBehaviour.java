package dev.switchboard.agent.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session run by a {@link LocalAgent}'s script: the rules, their function calls and the answers to the calls'
 * outputs, as the agent's Javadoc describes. Everything spoken goes through the voice (the engine's
 * {@link SpeechSynthesizer}); the synthesis starts when the response is planned and the response plays the audio
 * once it is ready.
 */
final class ScriptBehaviour implements SessionBehaviour {

    static final String DID_NOT_UNDERSTAND = "Sorry, I did not understand that.";
    static final String TOOL_FAILED = "Sorry, that did not work.";

    private static final Logger LOG = LoggerFactory.getLogger(ScriptBehaviour.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAY_EXACTLY = Pattern.compile("say exactly[^\"]*\"(.*)\"",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Calls whose output is still awaited are remembered up to this many; the oldest are forgotten first. */
    private static final int REMEMBERED_CALLS = 32;

    /**
     * A function call this agent made: the rule that made it, and the values its answer may use — the groups the
     * text matched and the call's fixed {@code args}.
     */
    private record Call(LocalAgent.Rule rule, Map<String, String> values) {
    }

    /** A call's output, waiting for the next response. */
    private record CallOutput(Call call, String output) {
    }

    private final LocalAgent agent;
    private final Function<String, CompletableFuture<byte[]>> voice;
    private final Ids ids;
    private final Map<String, Call> openCalls = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Call> eldest) {
            return size() > REMEMBERED_CALLS;
        }
    };
    private String unansweredText;
    private CallOutput unansweredOutput;

    /** @param voice speaks a text as 24 kHz PCM16, e.g. {@link SpeechSynthesizer#synthesize} */
    ScriptBehaviour(LocalAgent agent, Function<String, CompletableFuture<byte[]>> voice, Ids ids) {
        this.agent = agent;
        this.voice = voice;
        this.ids = ids;
    }

    /** Never: the script cannot understand speech (see {@link LocalAgent}). */
    @Override
    public boolean answersSpeech() {
        return false;
    }

    @Override
    public void audioCommitted(byte[] pcm) {
        // Nothing to do: without speech recognition the script has no use for the caller's audio.
    }

    @Override
    public void itemCreated(ObjectNode item) {
        switch (item.get("type").textValue()) {
            case "message" -> {
                String text = userText(item);
                if (text != null) {
                    unansweredText = text;
                }
            }
            case "function_call_output" -> {
                String callId = item.get("call_id").textValue();
                Call call = openCalls.remove(callId);
                if (call != null) {
                    unansweredOutput = new CallOutput(call, item.get("output").textValue());
                } else {
                    LOG.debug("agent {}: ignoring the output of call {}, which it did not make", agent.name(), callId);
                }
            }
            default -> { }
        }
    }

    @Override
    public List<ResponseOutput> nextResponse(String instructions) {
        Matcher exactly = instructions == null ? null : SAY_EXACTLY.matcher(instructions);
        if (exactly != null && exactly.find()) {
            return speak(exactly.group(1));
        }
        if (unansweredOutput != null) {
            CallOutput pending = unansweredOutput;
            unansweredOutput = null;
            return answer(pending);
        }
        if (unansweredText != null) {
            String text = unansweredText;
            unansweredText = null;
            return answer(text);
        }
        return List.of();
    }

    /** The text of a user message's {@code input_text} parts, joined by spaces; null for any other item. */
    private static String userText(ObjectNode message) {
        if (!"user".equals(message.get("role").textValue())) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : message.get("content")) {
            if ("input_text".equals(part.get("type").textValue())) {
                parts.add(part.get("text").textValue());
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private List<ResponseOutput> answer(String text) {
        for (LocalAgent.Rule rule : agent.rules()) {
            Matcher match = rule.when().matcher(text);
            if (match.matches()) {
                return respond(rule, namedGroups(match, rule.groupNames()));
            }
        }
        return speak(DID_NOT_UNDERSTAND);
    }

    private List<ResponseOutput> respond(LocalAgent.Rule rule, Map<String, String> groups) {
        List<ResponseOutput> outputs = new ArrayList<>();
        if (rule.before() != null) {
            outputs.addAll(speak(Placeholders.fill(rule.before(), groups)));
        }
        if (rule.call() != null) {
            String callId = ids.next("call");
            Map<String, String> arguments = new LinkedHashMap<>(groups);
            arguments.putAll(new TreeMap<>(rule.args())); // in name order: the rule's map has none
            openCalls.put(callId, new Call(rule, arguments));
            outputs.add(new ResponseOutput.FunctionCall(callId, rule.call(), toJson(arguments)));
        } else if (rule.say() != null) {
            outputs.addAll(speak(Placeholders.fill(rule.say(), groups)));
        }
        return outputs;
    }

    private List<ResponseOutput> answer(CallOutput pending) {
        LocalAgent.Rule rule = pending.call().rule();
        Map<String, String> values = new HashMap<>(pending.call().values());
        JsonNode output = parseObject(pending.output());
        if (output != null) {
            output.properties().forEach(field -> {
                if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                    values.put(field.getKey(), field.getValue().asText());
                }
            });
        }
        boolean failed = output != null && output.hasNonNull("error");
        String template = failed ? (rule.sayError() != null ? rule.sayError() : TOOL_FAILED) : rule.say();
        return template == null ? List.of() : speak(Placeholders.fill(template, values));
    }

    /**
     * The named groups that took part in the match, in the order they appear in the pattern, under the names
     * {@code groupNames} gives them.
     */
    private static Map<String, String> namedGroups(Matcher match, Map<String, String> groupNames) {
        Map<String, String> groups = new LinkedHashMap<>();
        match.namedGroups().entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .forEach(group -> {
                    String value = match.group(group.getValue());
                    if (value != null) {
                        groups.put(groupNames.getOrDefault(group.getKey(), group.getKey()), value);
                    }
                });
        return groups;
    }

    private static String toJson(Map<String, String> arguments) {
        ObjectNode json = JSON.createObjectNode();
        arguments.forEach(json::put);
        return json.toString();
    }

    /** {@code text} as a JSON object, or null when it is not one (tool outputs are free text). */
    private static JsonNode parseObject(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private List<ResponseOutput> speak(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return List.of(new ResponseOutput.Audio(text, voice.apply(text)));
    }
}
