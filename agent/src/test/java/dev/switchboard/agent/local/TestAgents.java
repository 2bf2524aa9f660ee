package dev.switchboard.agent.local;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The scripted agent the tests talk to: the order line of the demo, plus a rule for each other shape of rule. The
 * first rule is written as a configuration would pass {@code (?<order_id>[0-9]+)#}: compiled under a name Java
 * accepts, renamed back by {@code groupNames}.
 */
final class TestAgents {

    static final String GREETING = "Welcome to the order line. Key in your order number, then press pound.";
    static final String LONG_SPEECH = "Our opening hours are Monday to Friday from eight in the morning until six in"
            + " the evening, and Saturday from nine in the morning until one in the afternoon.";

    static final LocalAgent ORDER_LINE = new LocalAgent("orders", GREETING, List.of(
            new LocalAgent.Rule(Pattern.compile("(?<g1>[0-9]+)#"), Map.of("g1", "order_id"), "order_lookup", null,
                    null, "Order {order_id} is {status}.", "Sorry, I found no order {order_id}."),
            new LocalAgent.Rule(Pattern.compile("\\*(?<code>[0-9]+)(?:\\*(?<pin>[0-9]+))?#"), "check_code",
                    Map.of("channel", "keypad"), "Checking code {code}.", null, null),
            new LocalAgent.Rule(Pattern.compile("0"), null, null, "Transferring you.", "Please hold.", null),
            new LocalAgent.Rule(Pattern.compile("9"), null, null, null, LONG_SPEECH, null),
            new LocalAgent.Rule(Pattern.compile("[0-9]+"), null, null, null, "Please finish with the pound key.",
                    null)));

    private TestAgents() {
    }

    /** The instructions a client sends to have {@code text} said word for word. */
    static String sayExactly(String text) {
        return "Say exactly this to the caller, and nothing else: \"" + text + "\"";
    }
}
