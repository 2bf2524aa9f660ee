package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.MINIMAL;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void typoInKeyIsReportedWithSuggestionAndExactLine() {
        List<ConfigProblem> problems = problems("""
                providers:
                  local: {type: local}
                agents:
                  echo:
                    provder: local
                    mode: echo
                """);

        assertEquals("demo.yaml:5: agents.echo.provder: unknown key 'provder' (did you mean 'provider'?)",
                problemAt(problems, "agents.echo.provder").toString());
        assertEquals("demo.yaml:4: agents.echo: missing required key 'provider'",
                problemAt(problems, "agents.echo").toString());
    }

    @Test
    void unknownKeyWithoutCloseMatchHasNoSuggestion() {
        ConfigProblem problem = problemAt(problems(MINIMAL + "sip:\n  colour: blue\n"), "sip.colour");

        assertEquals(new ConfigProblem("demo.yaml", "sip.colour", 3, "unknown key 'colour'"), problem);
    }

    @Test
    void typoInSectionName() {
        ConfigProblem problem = problemAt(problems(MINIMAL + "agent: {}\n"), "agent");

        assertEquals("unknown key 'agent' (did you mean 'agents'?)", problem.message());
        assertEquals(2, problem.line());
    }

    @Test
    void reversedPortRangeNamesKeyAndLine() {
        ConfigProblem problem = problemAt(problems(MINIMAL + "media:\n  rtp_ports: 20999-20000\n"), "media.rtp_ports");

        assertEquals("demo.yaml:3: media.rtp_ports: first port 20999 is greater than last port 20000",
                problem.toString());
    }

    @Test
    void badPortRanges() {
        List<ConfigProblem> problems = problems("""
                media: {rtp_ports: lots}
                sip: {}
                admin: {}
                providers:
                  a: {type: local, listen: "127.0.0.1:99999"}
                """);

        assertEquals("invalid port range 'lots' (expected first-last, e.g. 20000-20999)",
                problemAt(problems, "media.rtp_ports").message());
        assertEquals(5, problemAt(problems, "providers.a.listen").line());
        assertEquals(2, problems.size());
        assertEquals("port 80 is outside 1024..65535",
                problemAt(problems(MINIMAL + "media: {rtp_ports: 80-90}"), "media.rtp_ports").message());
    }

    @Test
    void badListenAddresses() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                sip:
                  listen: foo
                admin:
                  listen: "::1:8080"
                """);

        assertEquals(new ConfigProblem("demo.yaml", "sip.listen", 3,
                "missing port in 'foo' (expected host:port, e.g. 0.0.0.0:5060 or [::1]:5060)"),
                problemAt(problems, "sip.listen"));
        assertEquals("IPv6 address '::1:8080' needs brackets, e.g. [::1]:5060",
                problemAt(problems, "admin.listen").message());
    }

    @Test
    void badDurationsNameKeyAndLine() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                sip:
                  ack_timeout: 32 seconds
                agents:
                  echo: {provider: local, connect_timeout: 0s}
                  other: {provider: local, connect_timeout: -5s}
                """);

        assertEquals("demo.yaml:3: sip.ack_timeout: invalid duration '32 seconds' "
                + "(expected a whole number with unit ms, s, m or h, e.g. 500ms, 3s, 2m, 1h)",
                problemAt(problems, "sip.ack_timeout").toString());
        assertEquals(new ConfigProblem("demo.yaml", "agents.echo.connect_timeout", 5,
                "duration must be greater than 0, found '0s'"), problemAt(problems, "agents.echo.connect_timeout"));
        assertEquals(6, problemAt(problems, "agents.other.connect_timeout").line());
    }

    @Test
    void badNumbersAndEnums() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                sip:
                  max_calls: 0
                  requests_per_second: many
                  transports: [udp, sctp]
                media:
                  codecs: [pcmu, pcmu]
                """);

        assertEquals("must be at least 1, found 0", problemAt(problems, "sip.max_calls").message());
        assertEquals("expected a whole number, found 'many'", problemAt(problems, "sip.requests_per_second").message());
        assertEquals("demo.yaml:5: sip.transports[1]: unknown transport 'sctp' (allowed: udp, tcp)",
                problemAt(problems, "sip.transports[1]").toString());
        assertEquals("codec 'pcmu' is listed twice", problemAt(problems, "media.codecs[1]").message());
    }

    @Test
    void emptyTransportListIsRejected() {
        ConfigProblem problem = problemAt(problems(MINIMAL + "sip: {transports: []}\n"), "sip.transports");

        assertEquals("needs at least one transport (allowed: udp, tcp)", problem.message());
    }

    @Test
    void badProviderTypeSuggestsClosest() {
        ConfigProblem problem = problemAt(problems("providers:\n  ai: {type: opnai, api_key: k}\n"), "providers.ai.type");

        assertEquals("demo.yaml:2: providers.ai.type: unknown provider type 'opnai' (did you mean 'openai'?) "
                + "(allowed: openai, azure, xai, gemini, local)", problem.toString());
    }

    @Test
    void providerRulesPerType() {
        List<ConfigProblem> problems = problems("""
                providers:
                  ai: {type: openai}
                  az: {type: azure, api_key: k, model: d, listen: "127.0.0.1:1"}
                  loc: {type: local, api_key: k}
                  notype: {model: m}
                  web: {type: xai, api_key: k, base_url: "ftp://x.example"}
                  empty: {type: "", api_key: k}
                """);

        assertEquals(new ConfigProblem("demo.yaml", "providers.ai", 2, "missing required key 'api_key'"),
                problemAt(problems, "providers.ai"));
        assertTrue(problemAt(problems, "providers.az").message().startsWith("missing required key 'base_url'"));
        assertEquals("only used by provider type local", problemAt(problems, "providers.az.listen").message());
        assertEquals("not used by provider type local", problemAt(problems, "providers.loc.api_key").message());
        assertEquals("missing required key 'type'", problemAt(problems, "providers.notype").message());
        assertEquals("URL 'ftp://x.example' must start with wss:// or ws:// or https:// or http://",
                problemAt(problems, "providers.web.base_url").message());
        assertEquals(new ConfigProblem("demo.yaml", "providers.empty.type", 7, "must not be empty"),
                problemAt(problems, "providers.empty.type"));
        assertEquals(7, problems.size());
    }

    @Test
    void crossReferencesNameKeyAndLine() {
        List<ConfigProblem> problems = problems("""
                providers:
                  openai: {type: openai, api_key: k}
                agents:
                  orders:
                    provider: opena
                    tools: [order_lookp, end_call, hang_up]
                  echo: {provider: local}
                tools:
                  order_lookup: {webhook: {url: "https://shop.example/orders"}}
                numbers:
                  "+1555": ordrs
                  "600": echo
                """);

        assertEquals("demo.yaml:5: agents.orders.provider: unknown provider 'opena' (did you mean 'openai'?) "
                + "(defined: openai)", problemAt(problems, "agents.orders.provider").toString());
        assertEquals("demo.yaml:6: agents.orders.tools[0]: unknown tool 'order_lookp' (did you mean 'order_lookup'?) "
                + "(defined: order_lookup, end_call, send_dtmf, transfer_call)",
                problemAt(problems, "agents.orders.tools[0]").toString());
        assertEquals(6, problemAt(problems, "agents.orders.tools[2]").line());
        assertEquals(7, problemAt(problems, "agents.echo.provider").line());
        assertEquals("demo.yaml:11: numbers.+1555: unknown agent 'ordrs' (did you mean 'orders'?) (defined: orders, echo)",
                problemAt(problems, "numbers.+1555").toString());
        assertEquals(5, problems.size(), problems::toString);
    }

    @Test
    void referenceToMissingSectionSaysNoneIsDefined() {
        ConfigProblem problem = problemAt(problems("agents: {echo: {provider: local}}\n"), "agents.echo.provider");

        assertEquals("unknown provider 'local' (none is defined under providers:)", problem.message());
    }

    @Test
    void toolDefinitionRules() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                tools:
                  end_call: {webhook: {url: "https://x.example"}}
                  "bad name": {webhook: {url: "https://x.example"}}
                  nohook: {description: d}
                  schema: {parameters: {type: string}, webhook: {url: "https://x.example", headers: {"A B": c}}}
                  relative: {webhook: {url: "/orders", timeout: soon}}
                """);

        assertEquals("'end_call' is a built-in tool; give your tool another name",
                problemAt(problems, "tools.end_call").message());
        assertEquals(4, problemAt(problems, "tools.bad name").line());
        assertEquals("missing 'webhook' or 'table' (a tool needs exactly one)",
                problemAt(problems, "tools.nohook").message());
        assertEquals("tool parameters must be an object schema (type: object), found 'string'",
                problemAt(problems, "tools.schema.parameters.type").message());
        assertEquals("invalid HTTP header name 'A B'", problemAt(problems, "tools.schema.webhook.headers.A B").message());
        assertEquals(7, problemAt(problems, "tools.relative.webhook.url").line());
        assertEquals(7, problemAt(problems, "tools.relative.webhook.timeout").line());
        assertEquals(7, problems.size(), problems::toString);
    }

    @Test
    void wrongShapesAreReportedOnce() {
        List<ConfigProblem> problems = problems("""
                sip: 5060
                providers:
                  local: local
                agents: [echo]
                numbers:
                  "600":
                """);

        assertEquals("expected a map with keys listen, transports, external_address, ack_timeout, max_calls, "
                + "requests_per_second, user_agent, found a single value", problemAt(problems, "sip").message());
        assertTrue(problemAt(problems, "providers.local").message().startsWith("expected a map with keys type,"));
        assertEquals("expected a map of names, found a list", problemAt(problems, "agents").message());
        assertEquals("expected a single value, found nothing", problemAt(problems, "numbers.600").message());
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    void duplicateKeyIsReported() {
        ConfigProblem problem = problems(MINIMAL + "sip:\n  max_calls: 1\n  max_calls: 2\n").getFirst();

        assertEquals(new ConfigProblem("demo.yaml", "sip.max_calls", 4, "duplicate key 'max_calls' (first defined on line 3)"),
                problem);
    }

    @Test
    void yamlSyntaxErrorHasReportedLine() {
        List<ConfigProblem> problems = problems("sip:\n  listen: [1, 2\nmedia: {}\n");

        assertEquals(1, problems.size());
        assertEquals(3, problems.getFirst().line());
        assertTrue(problems.getFirst().message().startsWith("YAML syntax error: expected ',' or ']'"),
                problems.getFirst().message());
    }

    @Test
    void tabIndentationPointsAtTheTab() {
        ConfigProblem problem = problems("sip:\n  listen: 0.0.0.0:5060\n\tmax_calls: 3\n").getFirst();

        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("TAB"), problem.message());
    }

    @Test
    void emptyAndNonMapDocuments() {
        assertEquals(List.of(new ConfigProblem("demo.yaml", "", 0, "the configuration is empty")), problems(""));
        assertEquals("the configuration is empty", problems("# nothing here\n").getFirst().message());
        assertEquals("demo.yaml:1: the top level must be a map of sections (sip, media, trunks, admin, providers, "
                + "agents, tools, numbers), found a list", problems("- sip\n- media\n").getFirst().toString());
        assertEquals("demo.yaml:1: the top level must be a map of sections (sip, media, trunks, admin, providers, "
                + "agents, tools, numbers), found a single value", problems("hello\n").getFirst().toString());
    }

    @Test
    void secondDocumentAndAliasesAreRejected() {
        assertEquals(3, problems(MINIMAL + "---\n" + MINIMAL).getFirst().line());
        ConfigProblem alias = problemAt(problems(MINIMAL + "sip: {user_agent: &ua Bob}\nadmin: {token: *ua}\n"),
                "admin.token");
        assertEquals("YAML aliases (*ua) are not supported; write the value out", alias.message());
    }

    @Test
    void allProblemsAreReportedTogetherInFileOrder() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("""
                        numbers: {"1": nobody}
                        sip:
                          listen: nowhere
                          ack_timout: 3s
                        media:
                          rtp_ports: 30000-20000
                        providers:
                          x: {type: martian}
                        """, "demo.yaml", name -> null));

        assertEquals(List.of(1, 3, 4, 6, 8), e.problems().stream().map(ConfigProblem::line).toList());
        assertTrue(e.getMessage().startsWith("invalid configuration (5 problems)"), e.getMessage());
        assertTrue(e.getMessage().contains("demo.yaml:4: sip.ack_timout: unknown key 'ack_timout' "
                + "(did you mean 'ack_timeout'?)"), e.getMessage());
    }

    @Test
    void addressesMustNotCarryPorts() {
        ConfigProblem problem = problemAt(problems(MINIMAL + "media: {address: '203.0.113.10:5000'}\n"),
                "media.address");

        assertEquals("'203.0.113.10:5000' looks like host:port; give the address only", problem.message());
    }
}
