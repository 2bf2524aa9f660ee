package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule engine alone, with a voice that records what it is asked to say. */
class ScriptBehaviourTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> spoken = new ArrayList<>();
    private final ScriptBehaviour script = new ScriptBehaviour(TestAgents.ORDER_LINE, text -> {
        spoken.add(text);
        return CompletableFuture.completedFuture(new byte[48]);
    }, new Ids());

    private void userTypes(String text) {
        ObjectNode item = JSON.createObjectNode().put("type", "message").put("role", "user");
        item.putArray("content").addObject().put("type", "input_text").put("text", text);
        script.itemCreated(item);
    }

    private void toolAnswers(String callId, String output) {
        script.itemCreated(JSON.createObjectNode().put("type", "function_call_output").put("call_id", callId)
                .put("output", output));
    }

    private static List<String> transcripts(List<ResponseOutput> outputs) {
        return outputs.stream().map(o -> assertInstanceOf(ResponseOutput.Audio.class, o).transcript()).toList();
    }

    private ResponseOutput.FunctionCall callFor(String text) {
        userTypes(text);
        List<ResponseOutput> outputs = script.nextResponse(null);
        return assertInstanceOf(ResponseOutput.FunctionCall.class, outputs.getLast(), outputs::toString);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void saysExactlyTheQuotedTextOfTheInstructions() {
        List<ResponseOutput> outputs = script.nextResponse(
                "Say exactly this to the caller, and nothing else: \"Welcome to the order line.\"");

        assertEquals(List.of("Welcome to the order line."), transcripts(outputs));
        assertEquals(List.of("Welcome to the order line."), spoken);
        assertEquals(List.of("He said 'hi' and \"left\"."), transcripts(
                script.nextResponse("please SAY EXACTLY: \"He said 'hi' and \"left\".\"")));
    }

    @Test
    void instructionsWithoutAQuotedTextAreNoSayExactly() {
        assertEquals(List.of(), script.nextResponse("Say exactly nothing"));
        assertEquals(List.of(), script.nextResponse("Be friendly."));
    }

    @Test
    void sayExactlyLeavesTheUnansweredTextForTheNextResponse() throws Exception {
        userTypes("12345#");
        assertEquals(List.of("Hello."), transcripts(script.nextResponse("Say exactly \"Hello.\"")));

        ResponseOutput.FunctionCall call = assertInstanceOf(ResponseOutput.FunctionCall.class,
                script.nextResponse(null).getFirst());
        assertEquals(json("{\"order_id\":\"12345\"}"), json(call.arguments()));
    }

    @Test
    void digitsAndPoundCallTheToolWithTheNamedArgument() throws Exception {
        userTypes("12345#");
        List<ResponseOutput> outputs = script.nextResponse(null);
        assertEquals(1, outputs.size(), "a call without 'before' is the only output");
        ResponseOutput.FunctionCall call = assertInstanceOf(ResponseOutput.FunctionCall.class, outputs.getFirst());

        assertEquals("order_lookup", call.name());
        assertTrue(call.callId().startsWith("call_"), call.callId());
        assertEquals(json("{\"order_id\":\"12345\"}"), json(call.arguments()), "the group under its given name");
        assertEquals(List.of(), script.nextResponse(null), "the text was answered");
    }

    @Test
    void groupsThatTookPartBecomeArgumentsBesideTheFixedOnes() throws Exception {
        assertEquals(json("{\"code\":\"42\",\"channel\":\"keypad\"}"), json(callFor("*42#").arguments()),
                "the optional pin group did not take part");
        assertEquals(json("{\"code\":\"42\",\"pin\":\"7\",\"channel\":\"keypad\"}"),
                json(callFor("*42*7#").arguments()));
    }

    @Test
    void fixedArgumentsWinOverGroupsOfTheSameName() throws Exception {
        LocalAgent agent = new LocalAgent("clash", null, List.of(new LocalAgent.Rule(
                Pattern.compile("(?<channel>[a-z]+)!"), "f", Map.of("channel", "keypad"), null, null, null)));
        ScriptBehaviour clash = new ScriptBehaviour(agent, text -> CompletableFuture.completedFuture(new byte[0]),
                new Ids());
        ObjectNode item = JSON.createObjectNode().put("type", "message").put("role", "user");
        item.putArray("content").addObject().put("type", "input_text").put("text", "voice!");
        clash.itemCreated(item);

        ResponseOutput.FunctionCall call = assertInstanceOf(ResponseOutput.FunctionCall.class,
                clash.nextResponse(null).getFirst());
        assertEquals(json("{\"channel\":\"keypad\"}"), json(call.arguments()));
    }

    @Test
    void beforeIsSpokenAndThenTheCallIsMadeInTheSameResponse() {
        userTypes("*42#");
        List<ResponseOutput> outputs = script.nextResponse(null);

        assertEquals(2, outputs.size());
        assertEquals("Checking code 42.", assertInstanceOf(ResponseOutput.Audio.class, outputs.get(0)).transcript());
        assertEquals("check_code", assertInstanceOf(ResponseOutput.FunctionCall.class, outputs.get(1)).name());
    }

    @Test
    void aRuleWithoutACallSpeaksAtOnce() {
        userTypes("0");
        assertEquals(List.of("Transferring you.", "Please hold."), transcripts(script.nextResponse(null)));
    }

    @Test
    void onlyAMatchOfTheWholeTextCountsAndTheFirstRuleWins() {
        userTypes("x12345#");
        assertEquals(List.of(ScriptBehaviour.DID_NOT_UNDERSTAND), transcripts(script.nextResponse(null)));
        userTypes("12");
        assertEquals(List.of("Please finish with the pound key."), transcripts(script.nextResponse(null)));
    }

    @Test
    void theToolResultIsAnsweredWithItsFieldsAndTheGroups() {
        String callId = callFor("12345#").callId();
        toolAnswers(callId, "{\"order_id\":\"12345\",\"status\":\"shipped\",\"items\":3}");

        assertEquals(List.of("Order 12345 is shipped."), transcripts(script.nextResponse(null)));
        assertEquals(List.of(), script.nextResponse(null), "the result was answered");
    }

    @Test
    void anErrorResultIsAnsweredWithSayErrorOrTheDefaultApology() {
        toolAnswers(callFor("777#").callId(), "{\"error\":\"no entry\"}");
        assertEquals(List.of("Sorry, I found no order 777."), transcripts(script.nextResponse(null)));

        toolAnswers(callFor("*42#").callId(), "{\"error\":{\"code\":500}}");
        assertEquals(List.of(ScriptBehaviour.TOOL_FAILED), transcripts(script.nextResponse(null)));
    }

    @Test
    void aResultWithoutSayEndsInAnEmptyResponse() {
        toolAnswers(callFor("*42#").callId(), "{\"valid\":true}");
        assertEquals(List.of(), script.nextResponse(null));
    }

    @Test
    void aFreeTextResultFillsOnlyTheGroupsAndArguments() {
        toolAnswers(callFor("12345#").callId(), "shipped yesterday");
        assertEquals(List.of("Order 12345 is {status}."), transcripts(script.nextResponse(null)));
    }

    @Test
    void aResultIsAnsweredBeforeNewTextAndForeignCallsAreIgnored() {
        String callId = callFor("12345#").callId();
        toolAnswers("call_someone_else", "{\"status\":\"lost\"}");
        userTypes("0");
        toolAnswers(callId, "{\"status\":\"late\"}");
        toolAnswers(callId, "{\"status\":\"answered twice\"}");

        assertEquals(List.of("Order 12345 is late."), transcripts(script.nextResponse(null)));
        assertEquals(List.of("Transferring you.", "Please hold."), transcripts(script.nextResponse(null)));
        assertEquals(List.of(), script.nextResponse(null));
    }

    @Test
    void speechIsNeverAnsweredAndOtherMessagesAreNotUserText() {
        assertFalse(script.answersSpeech());
        script.audioCommitted(new byte[4800]);
        ObjectNode system = JSON.createObjectNode().put("type", "message").put("role", "system");
        system.putArray("content").addObject().put("type", "input_text").put("text", "12345#");
        script.itemCreated(system);

        assertEquals(List.of(), script.nextResponse(null));
    }

    @Test
    void rulesAndAgentsRefuseWhatCannotWork() {
        assertThrows(NullPointerException.class, () -> new LocalAgent.Rule(null, "f", null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new LocalAgent.Rule(Pattern.compile("x"), null, Map.of("a", "b"), null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new LocalAgent.Rule(Pattern.compile("x"), " ", null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new LocalAgent.Rule(Pattern.compile("(?<a>x)"),
                Map.of("b", "order_id"), "f", null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new LocalAgent(" ", null, List.of()));
        assertEquals(List.of(), new LocalAgent("quiet", null, null).rules());
    }
}
