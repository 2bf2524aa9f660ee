package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.MINIMAL;
import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Greeting instructions, DTMF, transfer targets, handoffs and guardrails of agents. */
class AgentFeaturesTest {

    /** Two providers on lines 1-3, so agents start on line 4. */
    private static final String PROVIDERS = """
            providers:
              local: {type: local}
              ai: {type: openai, api_key: k}
            """;

    /** The example of the agent-tools documentation; the table file must exist next to it. */
    static final String TOOLS_EXAMPLE = """
            providers:
              local: { type: local }
            agents:
              orders:
                provider: local
                greeting: "Welcome to the order line. Key in your order number, then press pound."
                tools: [order_lookup, end_call, transfer_call, send_dtmf]
                dtmf:
                  mode: collect
                  terminator: "#"
                  inter_digit_timeout: 3s
                  max_digits: 32
                transfer_targets:
                  operator: "sip:100@pbx.example.com"
                handoffs: [billing]
                guardrails:
                  check_every: 100
                  deny: ["(?i)\\\\bcredit card\\\\b"]
                  message: "Never discuss card details."
                script:
                  - when: "(?<order_id>[0-9]+)#"
                    call: order_lookup
                    args: { source: dtmf }
                    before: "Let me look that up."
                    say: "Order {order_id} is {status}."
                    say_error: "Sorry, I could not find order {order_id}."
              billing:
                provider: local
                greeting_instructions: "Greet the caller and ask how you can help."
            tools:
              order_lookup:
                description: Look up an order by number
                parameters: { type: object, properties: { order_id: { type: string } }, required: [order_id] }
                table: { file: orders.json, key: order_id }
            numbers:
              "700": orders
            """;

    @Test
    void toolsExampleLoadsCleanly(@TempDir Path dir) throws IOException {
        Path table = Files.writeString(dir.resolve("orders.json"), "{}");

        SwitchboardConfig config = parse(TOOLS_EXAMPLE, dir);

        assertEquals(new AgentConfig("local", null, null, null,
                List.of("order_lookup", "end_call", "transfer_call", "send_dtmf"),
                "Welcome to the order line. Key in your order number, then press pound.", Duration.ofSeconds(5),
                null, new DtmfConfig(DtmfConfig.Mode.COLLECT, "#", Duration.ofSeconds(3), 32),
                Map.of("operator", "sip:100@pbx.example.com"), List.of("billing"),
                new GuardrailConfig(100, List.of("(?i)\\bcredit card\\b"), "Never discuss card details."),
                List.of(new ScriptRule("(?<order_id>[0-9]+)#", "order_lookup", Map.of("source", "dtmf"),
                        "Let me look that up.", "Order {order_id} is {status}.",
                        "Sorry, I could not find order {order_id}."))),
                config.agentFor("700").orElseThrow());
        assertEquals("Greet the caller and ask how you can help.",
                config.agents().get("billing").greetingInstructions());
        assertNull(config.agents().get("billing").greeting());
        ToolConfig tool = config.tools().get("order_lookup");
        assertEquals(new TableConfig(table, "order_id"), tool.table());
        assertNull(tool.webhook());
    }

    @Test
    void absentSectionsGiveDefaultsAndEmptyImmutableValues() {
        AgentConfig agent = parse(MINIMAL + "agents: {echo: {provider: local}}\n").agents().get("echo");

        assertNull(agent.greetingInstructions());
        assertEquals(DtmfConfig.defaults(), agent.dtmf());
        assertEquals(new DtmfConfig(DtmfConfig.Mode.COLLECT, "#", Duration.ofSeconds(3), 32), agent.dtmf());
        assertEquals(Map.of(), agent.transferTargets());
        assertEquals(List.of(), agent.handoffs());
        assertNull(agent.guardrails());
        assertEquals(List.of(), agent.script());
        assertThrows(UnsupportedOperationException.class, () -> agent.transferTargets().put("x", "tel:1"));
        assertThrows(UnsupportedOperationException.class, () -> agent.handoffs().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> agent.script().clear());
    }

    @Test
    void dtmfSettingsAreRead() {
        SwitchboardConfig config = parse(MINIMAL + """
                agents:
                  fwd: {provider: local, dtmf: {mode: Forward}}
                  none: {provider: local, dtmf: {terminator: "", inter_digit_timeout: 500ms, max_digits: 64}}
                  star: {provider: local, dtmf: {terminator: "*", max_digits: 1}}
                  letter: {provider: local, dtmf: {terminator: d}}
                  digit: {provider: local, dtmf: {terminator: 0}}
                  empty: {provider: local, dtmf: {}}
                """);

        assertEquals(new DtmfConfig(DtmfConfig.Mode.FORWARD, "#", Duration.ofSeconds(3), 32),
                config.agents().get("fwd").dtmf());
        assertEquals(new DtmfConfig(DtmfConfig.Mode.COLLECT, "", Duration.ofMillis(500), 64),
                config.agents().get("none").dtmf());
        assertEquals("*", config.agents().get("star").dtmf().terminator());
        assertEquals(1, config.agents().get("star").dtmf().maxDigits());
        assertEquals("D", config.agents().get("letter").dtmf().terminator());
        assertEquals("0", config.agents().get("digit").dtmf().terminator());
        assertEquals(DtmfConfig.defaults(), config.agents().get("empty").dtmf());
    }

    @Test
    void dtmfProblemsNameKeyAndLine() {
        List<ConfigProblem> problems = problems(PROVIDERS + """
                agents:
                  a:
                    provider: local
                    dtmf:
                      mode: colect
                      terminator: "##"
                      inter_digit_timeout: 0s
                      max_digits: 65
                      max_digit: 3
                  b:
                    provider: local
                    dtmf: {mode: forward, terminator: "#", max_digits: 5}
                  c: {provider: local, dtmf: {terminator: E, max_digits: 0}}
                  d: {provider: local, dtmf: [collect]}
                """);

        assertEquals("demo.yaml:8: agents.a.dtmf.mode: unknown dtmf mode 'colect' (did you mean 'collect'?) "
                + "(allowed: collect, forward)", problemAt(problems, "agents.a.dtmf.mode").toString());
        assertEquals("demo.yaml:9: agents.a.dtmf.terminator: invalid terminator '##' "
                + "(expected one of 0-9, *, #, A-D, or \"\" for none)",
                problemAt(problems, "agents.a.dtmf.terminator").toString());
        assertEquals(new ConfigProblem("demo.yaml", "agents.a.dtmf.inter_digit_timeout", 10,
                "duration must be greater than 0, found '0s'"), problemAt(problems, "agents.a.dtmf.inter_digit_timeout"));
        assertEquals(new ConfigProblem("demo.yaml", "agents.a.dtmf.max_digits", 11, "must be within 1..64, found 65"),
                problemAt(problems, "agents.a.dtmf.max_digits"));
        assertEquals(new ConfigProblem("demo.yaml", "agents.a.dtmf.max_digit", 12,
                "unknown key 'max_digit' (did you mean 'max_digits'?)"), problemAt(problems, "agents.a.dtmf.max_digit"));
        assertEquals(new ConfigProblem("demo.yaml", "agents.b.dtmf.terminator", 15, "only used by dtmf mode collect"),
                problemAt(problems, "agents.b.dtmf.terminator"));
        assertEquals(15, problemAt(problems, "agents.b.dtmf.max_digits").line());
        assertEquals(16, problemAt(problems, "agents.c.dtmf.terminator").line());
        assertEquals("must be within 1..64, found 0", problemAt(problems, "agents.c.dtmf.max_digits").message());
        assertEquals("expected a map with keys mode, terminator, inter_digit_timeout, max_digits, found a list",
                problemAt(problems, "agents.d.dtmf").message());
        assertEquals(10, problems.size(), problems::toString);
    }

    @Test
    void greetingOrGreetingInstructionsNotBoth() {
        List<ConfigProblem> problems = problems(PROVIDERS + """
                agents:
                  a:
                    provider: ai
                    greeting: Hello
                    greeting_instructions: Greet warmly
                  b: {provider: ai, greeting_instruction: Greet}
                """);

        assertEquals(new ConfigProblem("demo.yaml", "agents.a.greeting_instructions", 8,
                "give either greeting (fixed text) or greeting_instructions (the model composes it), not both"),
                problemAt(problems, "agents.a.greeting_instructions"));
        assertEquals("unknown key 'greeting_instruction' (did you mean 'greeting_instructions'?)",
                problemAt(problems, "agents.b.greeting_instruction").message());
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void transferTargetsAreRead() {
        AgentConfig agent = parse(MINIMAL + """
                agents:
                  a:
                    provider: local
                    tools: [transfer_call]
                    transfer_targets:
                      operator: "sip:100@pbx.example.com"
                      Desk_2: "tel:+1-555-123-0000"
                      secure: "SIPS:desk@pbx.example.com;transport=tls"
                      front-desk: "sip:pbx.example.com:5080"
                """).agents().get("a");

        assertEquals(List.of("operator", "Desk_2", "secure", "front-desk"), List.copyOf(agent.transferTargets().keySet()));
        assertEquals("tel:+1-555-123-0000", agent.transferTargets().get("Desk_2"));
        assertEquals("SIPS:desk@pbx.example.com;transport=tls", agent.transferTargets().get("secure"));
    }

    @Test
    void transferTargetProblems() {
        List<ConfigProblem> problems = problems(PROVIDERS + """
                agents:
                  a:
                    provider: local
                    tools: [end_call, transfer_call]
                  b:
                    provider: local
                    tools: [transfer_call]
                    transfer_targets:
                      "bad name": "sips:desk@pbx.example.com"
                      web: "https://pbx.example.com"
                      nohost: "sip:100@"
                      empty: ""
                      nonumber: "tel:abc"
                      spaced: "sip:1 00@pbx"
                  c: {provider: local, tools: [transfer_call], transfer_targets: {}}
                  d: {provider: local, transfer_targets: [operator]}
                """);

        assertEquals("demo.yaml:7: agents.a.tools[1]: transfer_call needs transfer_targets "
                + "(the names and URIs the model may transfer to)", problemAt(problems, "agents.a.tools[1]").toString());
        assertEquals(new ConfigProblem("demo.yaml", "agents.b.transfer_targets.bad name", 12,
                "transfer target name 'bad name' must be 1-64 letters, digits, '_' or '-'"),
                problemAt(problems, "agents.b.transfer_targets.bad name"));
        assertEquals(new ConfigProblem("demo.yaml", "agents.b.transfer_targets.web", 13,
                "URI 'https://pbx.example.com' must start with sip:, sips: or tel:"),
                problemAt(problems, "agents.b.transfer_targets.web"));
        assertEquals("URI 'sip:100@' has no host (expected " + CallUris.EXPECTED + ")",
                problemAt(problems, "agents.b.transfer_targets.nohost").message());
        assertEquals("needs " + CallUris.EXPECTED, problemAt(problems, "agents.b.transfer_targets.empty").message());
        assertEquals(16, problemAt(problems, "agents.b.transfer_targets.nonumber").line());
        assertEquals(17, problemAt(problems, "agents.b.transfer_targets.spaced").line());
        assertEquals("transfer_call needs transfer_targets (the names and URIs the model may transfer to)",
                problemAt(problems, "agents.c.tools[0]").message());
        assertEquals("expected a map of names, found a list", problemAt(problems, "agents.d.transfer_targets").message());
        assertEquals(9, problems.size(), problems::toString);
    }

    @Test
    void transferTargetFromEnvironmentIsNotShown() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                agents:
                  a: {provider: local, transfer_targets: {op: "${PBX_URI}"}}
                """, Map.of("PBX_URI", "https://user:pw-SECRET@pbx.example"));

        assertEquals("the value from ${PBX_URI} is invalid (expected " + CallUris.EXPECTED + ")",
                problemAt(problems, "agents.a.transfer_targets.op").message());
        assertFalse(problems.toString().contains("SECRET"));
    }

    @Test
    void handoffsNameOtherAgents() {
        SwitchboardConfig config = parse(MINIMAL + """
                agents:
                  orders: {provider: local, handoffs: [billing, support]}
                  billing: {provider: local, handoffs: [orders]}
                  support: {provider: local}
                """);

        assertEquals(List.of("billing", "support"), config.agents().get("orders").handoffs());
        assertEquals(List.of("orders"), config.agents().get("billing").handoffs());
    }

    @Test
    void handoffProblems() {
        List<ConfigProblem> problems = problems(PROVIDERS + """
                agents:
                  orders:
                    provider: local
                    handoffs: [billing, biling, orders, billing]
                  billing: {provider: local, handoffs: billing}
                  alone: {provider: local, handofs: [x]}
                """);

        assertEquals("demo.yaml:7: agents.orders.handoffs[1]: unknown agent 'biling' (did you mean 'billing'?) "
                + "(defined: billing, alone)", problemAt(problems, "agents.orders.handoffs[1]").toString());
        assertEquals(new ConfigProblem("demo.yaml", "agents.orders.handoffs[2]", 7,
                "an agent cannot hand the call over to itself"), problemAt(problems, "agents.orders.handoffs[2]"));
        assertEquals("agent 'billing' is listed twice", problemAt(problems, "agents.orders.handoffs[3]").message());
        assertEquals("expected a list, e.g. [a, b], found a single value",
                problemAt(problems, "agents.billing.handoffs").message());
        assertEquals(new ConfigProblem("demo.yaml", "agents.alone.handofs", 9,
                "unknown key 'handofs' (did you mean 'handoffs'?)"), problemAt(problems, "agents.alone.handofs"));
        assertEquals(5, problems.size(), problems::toString);
    }

    @Test
    void guardrailsAreRead() {
        SwitchboardConfig config = parse(MINIMAL + """
                agents:
                  a: {provider: local, guardrails: {deny: ["(?i)credit card", "\\\\d{16}"]}}
                  b: {provider: local, guardrails: {check_every: 10000, deny: [x], message: Stop that.}}
                """);

        assertEquals(new GuardrailConfig(100, List.of("(?i)credit card", "\\d{16}"), null),
                config.agents().get("a").guardrails());
        assertEquals(new GuardrailConfig(10000, List.of("x"), "Stop that."), config.agents().get("b").guardrails());
        assertThrows(UnsupportedOperationException.class, () -> config.agents().get("a").guardrails().deny().add("y"));
    }

    @Test
    void guardrailProblems() {
        List<ConfigProblem> problems = problems(PROVIDERS + """
                agents:
                  a:
                    provider: local
                    guardrails:
                      check_every: 5
                      deny: ["(?i)credit", "(unclosed", ""]
                  b: {provider: local, guardrails: {message: hi}}
                  c: {provider: local, guardrails: {deny: []}}
                  d: {provider: local, guardrails: {check_every: 10001, deny: x, mesage: m}}
                """);

        assertEquals(new ConfigProblem("demo.yaml", "agents.a.guardrails.check_every", 8,
                "must be within 10..10000, found 5"), problemAt(problems, "agents.a.guardrails.check_every"));
        assertEquals("demo.yaml:9: agents.a.guardrails.deny[1]: invalid regular expression '(unclosed': "
                + "Unclosed group at index 9", problemAt(problems, "agents.a.guardrails.deny[1]").toString());
        assertEquals("must not be empty (an empty pattern matches everything)",
                problemAt(problems, "agents.a.guardrails.deny[2]").message());
        assertEquals(new ConfigProblem("demo.yaml", "agents.b.guardrails", 10, "missing required key 'deny'"),
                problemAt(problems, "agents.b.guardrails"));
        assertEquals(new ConfigProblem("demo.yaml", "agents.c.guardrails.deny", 11,
                "needs at least one regular expression"), problemAt(problems, "agents.c.guardrails.deny"));
        assertEquals("must be within 10..10000, found 10001",
                problemAt(problems, "agents.d.guardrails.check_every").message());
        assertEquals("expected a list, e.g. [a, b], found a single value",
                problemAt(problems, "agents.d.guardrails.deny").message());
        assertEquals("unknown key 'mesage' (did you mean 'message'?)",
                problemAt(problems, "agents.d.guardrails.mesage").message());
        assertEquals(8, problems.size(), problems::toString);
    }

    @Test
    void guardrailPatternFromEnvironmentIsNotShown() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                agents:
                  a: {provider: local, guardrails: {deny: ["${DENY}"]}}
                """, Map.of("DENY", "(SECRET"));

        assertEquals("the value from ${DENY} is invalid (expected a Java regular expression)",
                problemAt(problems, "agents.a.guardrails.deny[0]").message());
        assertFalse(problems.toString().contains("SECRET"));
    }
}
