package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The script rules the local provider follows. */
class ScriptRulesTest {

    /** Providers and a webhook tool on lines 1-5, so agents start on line 6. */
    private static final String HEAD = """
            providers:
              local: {type: local}
              ai: {type: openai, api_key: k}
            tools:
              order_lookup: {webhook: {url: "https://shop.example/orders"}}
            """;

    @Test
    void rulesKeepOrderAndOptionalParts() {
        List<ScriptRule> script = parse(HEAD + """
                agents:
                  keypad:
                    provider: local
                    tools: [order_lookup, end_call]
                    script:
                      - when: "0"
                        call: end_call
                        before: Goodbye.
                      - when: "(?<order>[0-9]+)#"
                        call: order_lookup
                        args: {source: dtmf, channel: 2, urgent: yes}
                        say: "Order {order} is {status}."
                      - when: "(?i)help"
                        say: "Key in your order number, then press pound."
                      - when: "\\\\*"
                        before: One moment.
                """).agents().get("keypad").script();

        assertEquals(List.of(
                new ScriptRule("0", "end_call", Map.of(), "Goodbye.", null, null),
                new ScriptRule("(?<order>[0-9]+)#", "order_lookup",
                        Map.of("source", "dtmf", "channel", "2", "urgent", "yes"), null, "Order {order} is {status}.", null),
                new ScriptRule("(?i)help", null, Map.of(), null, "Key in your order number, then press pound.", null),
                new ScriptRule("\\*", null, Map.of(), "One moment.", null, null)), script);
        assertEquals(List.of("source", "channel", "urgent"), List.copyOf(script.get(1).args().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> script.get(1).args().put("x", "y"));
    }

    @Test
    void scriptIsOnlyForTheLocalProvider() {
        List<ConfigProblem> problems = problems(HEAD + """
                agents:
                  remote:
                    provider: ai
                    script:
                      - {when: "1", say: One}
                  empty: {provider: ai, script: []}
                """);

        assertEquals("demo.yaml:9: agents.remote.script: script is only understood by the local provider "
                + "(this agent's provider has type openai)", problemAt(problems, "agents.remote.script").toString());
        assertEquals(11, problemAt(problems, "agents.empty.script").line());
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void callMustBeOneOfTheAgentsTools() {
        List<ConfigProblem> problems = problems(HEAD + """
                agents:
                  a:
                    provider: local
                    tools: [order_lookup, end_call]
                    script:
                      - {when: "1", call: order_lookp}
                      - {when: "2", call: transfer_call}
                  b:
                    provider: local
                    script:
                      - {when: "1", call: order_lookup}
                  c:
                    provider: local
                    tools: [order_lokup]
                    script:
                      - {when: "1", call: order_lokup}
                """);

        assertEquals("demo.yaml:11: agents.a.script[0].call: tool 'order_lookp' is not in this agent's tools "
                + "(did you mean 'order_lookup'?) (listed: order_lookup, end_call)",
                problemAt(problems, "agents.a.script[0].call").toString());
        assertEquals(new ConfigProblem("demo.yaml", "agents.a.script[1].call", 12,
                "tool 'transfer_call' is not in this agent's tools (listed: order_lookup, end_call)"),
                problemAt(problems, "agents.a.script[1].call"));
        assertEquals("tool 'order_lookup' is not in this agent's tools (the agent lists none)",
                problemAt(problems, "agents.b.script[0].call").message());
        assertEquals("unknown tool 'order_lokup' (did you mean 'order_lookup'?) "
                + "(defined: order_lookup, end_call, send_dtmf, transfer_call)",
                problemAt(problems, "agents.c.tools[0]").message());
        assertEquals(4, problems.size(), "a misspelt tool is reported once, in tools: " + problems);
    }

    @Test
    void whenIsRequiredAndMustCompile() {
        List<ConfigProblem> problems = problems(HEAD + """
                agents:
                  a:
                    provider: local
                    script:
                      - say: Hello
                      - when: "[0-9"
                        say: Digits
                      - when: ""
                        say: Empty
                      -
                """);

        assertEquals(new ConfigProblem("demo.yaml", "agents.a.script[0]", 10, "missing required key 'when'"),
                problemAt(problems, "agents.a.script[0]"));
        assertEquals("demo.yaml:11: agents.a.script[1].when: invalid regular expression '[0-9': "
                + "Unclosed character class at index 3", problemAt(problems, "agents.a.script[1].when").toString());
        assertEquals("must not be empty", problemAt(problems, "agents.a.script[2].when").message());
        assertEquals(15, problemAt(problems, "agents.a.script[3]").line());
        assertEquals("missing required key 'when'", problemAt(problems, "agents.a.script[3]").message());
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    void snakeCaseGroupNamesAreAcceptedButBadOnesAreNamed() {
        ConfigProblem problem = problemAt(problems(HEAD + """
                agents:
                  a:
                    provider: local
                    script:
                      - {when: "(?<order_id>[0-9]+)#", say: "Order {order_id}"}
                      - {when: "(?<9lives>[0-9]+)#", say: "no"}
                """), "agents.a.script[1].when");

        assertEquals("invalid regular expression '(?<9lives>[0-9]+)#': group name '9lives' must be letters, "
                + "digits and '_', start with a letter, and be used once", problem.message());
        assertEquals(11, problem.line());
    }

    @Test
    void ruleNeedsSomethingToDoAndCallOnlyKeys() {
        List<ConfigProblem> problems = problems(HEAD + """
                agents:
                  a:
                    provider: local
                    tools: [order_lookup]
                    script:
                      - when: "1"
                      - when: "2"
                        args: {x: y}
                        say_error: Sorry.
                      - when: "3"
                        call: order_lookup
                        befor: Wait.
                """);

        assertEquals(new ConfigProblem("demo.yaml", "agents.a.script[0]", 11,
                "a rule needs at least one of call, before or say"), problemAt(problems, "agents.a.script[0]"));
        assertEquals("a rule needs at least one of call, before or say",
                problemAt(problems, "agents.a.script[1]").message());
        assertEquals(new ConfigProblem("demo.yaml", "agents.a.script[1].args", 13, "only used together with call"),
                problemAt(problems, "agents.a.script[1].args"));
        assertEquals(14, problemAt(problems, "agents.a.script[1].say_error").line());
        assertEquals(new ConfigProblem("demo.yaml", "agents.a.script[2].befor", 17,
                "unknown key 'befor' (did you mean 'before'?)"), problemAt(problems, "agents.a.script[2].befor"));
        assertEquals(5, problems.size(), problems::toString);
    }

    @Test
    void wrongShapes() {
        List<ConfigProblem> problems = problems(HEAD + """
                agents:
                  a: {provider: local, script: {when: x}}
                  b: {provider: local, script: [hello]}
                  c: {provider: local, script: [{when: [x], say: y}]}
                """);

        assertEquals("expected a list, e.g. [a, b], found a map", problemAt(problems, "agents.a.script").message());
        assertEquals("expected a map with keys when, call, args, before, say, say_error, found a single value",
                problemAt(problems, "agents.b.script[0]").message());
        assertEquals(new ConfigProblem("demo.yaml", "agents.c.script[0].when", 9,
                "expected a single value, found a list"), problemAt(problems, "agents.c.script[0].when"));
        assertEquals(3, problems.size(), problems::toString);
    }
}
