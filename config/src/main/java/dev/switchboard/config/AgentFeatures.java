package dev.switchboard.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the call-handling parts of an agent: {@code dtmf:}, {@code transfer_targets:},
 * {@code handoffs:} and {@code guardrails:}.
 */
final class AgentFeatures {

    static final List<String> DTMF_KEYS = List.of("mode", "terminator", "inter_digit_timeout", "max_digits");
    static final List<String> GUARDRAIL_KEYS = List.of("check_every", "deny", "message");

    private static final List<String> COLLECT_ONLY_KEYS = List.of("terminator", "inter_digit_timeout", "max_digits");
    private static final Pattern TARGET_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String TERMINATOR_EXPECTED = "one of 0-9, *, #, A-D, or \"\" for none";

    private AgentFeatures() {
    }

    /** Keys that only matter when collecting are rejected in forward mode rather than silently ignored. */
    static DtmfConfig dtmf(MapView d) {
        DtmfConfig defaults = DtmfConfig.defaults();
        String mode = d.choice("mode", "dtmf mode", DtmfConfig.Mode.names(), null);
        if (DtmfConfig.Mode.FORWARD.name().equalsIgnoreCase(mode)) {
            d.reject(COLLECT_ONLY_KEYS, "only used by dtmf mode collect");
        }
        return new DtmfConfig(
                mode == null ? defaults.mode() : DtmfConfig.Mode.valueOf(mode.toUpperCase(Locale.ROOT)),
                terminator(d),
                d.duration("inter_digit_timeout", defaults.interDigitTimeout()),
                d.integer("max_digits", defaults.maxDigits(), 1, DtmfConfig.MAX_DIGITS_LIMIT));
    }

    /** Unlike other keys, an explicitly empty terminator is not "the default" but "none". */
    private static String terminator(MapView d) {
        YamlNode.Scalar scalar = d.scalar("terminator");
        if (scalar == null) {
            return DtmfConfig.DEFAULT_TERMINATOR;
        }
        return scalar.text().isEmpty() ? ""
                : d.parse(scalar, DtmfConfig.DEFAULT_TERMINATOR, TERMINATOR_EXPECTED, AgentFeatures::dtmfKey);
    }

    private static String dtmfKey(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT);
        if (key.length() != 1 || DtmfConfig.KEYS.indexOf(key.charAt(0)) < 0) {
            throw new IllegalArgumentException("invalid terminator '" + text + "' (expected " + TERMINATOR_EXPECTED + ")");
        }
        return key;
    }

    static Map<String, String> transferTargets(MapView a) {
        Map<String, String> targets = new LinkedHashMap<>();
        a.scalarMap("transfer_targets").forEach((name, value) -> {
            boolean nameOk = TARGET_NAME.matcher(name).matches();
            if (!nameOk) {
                a.problems().report(value, "transfer target name '" + name
                        + "' must be 1-64 letters, digits, '_' or '-'");
            }
            if (value.text().isBlank()) {
                a.problems().report(value, "needs " + CallUris.EXPECTED);
                return;
            }
            String uri = a.parse(value, null, CallUris.EXPECTED, CallUris::check);
            if (nameOk && uri != null) {
                targets.put(name, uri);
            }
        });
        return targets;
    }

    /** True when the agent names at least one transfer target, valid or not. */
    static boolean hasTransferTargets(MapView a) {
        return a.node("transfer_targets") instanceof YamlNode.Mapping mapping && !mapping.entries().isEmpty();
    }

    static List<String> handoffs(MapView a, String self, Set<String> agentNames) {
        Set<String> others = new LinkedHashSet<>(agentNames);
        others.remove(self);
        List<YamlNode.Scalar> items = a.scalars("handoffs");
        List<String> handoffs = new ArrayList<>();
        for (YamlNode.Scalar item : items == null ? List.<YamlNode.Scalar>of() : items) {
            if (item.text().equals(self)) {
                a.problems().report(item, "an agent cannot hand the call over to itself");
            } else if (handoffs.contains(item.text())) {
                a.problems().report(item, "agent '" + item.text() + "' is listed twice");
            } else if (a.checkReference(item, "agent", others, "agents")) {
                handoffs.add(item.text());
            }
        }
        return handoffs;
    }

    static GuardrailConfig guardrails(MapView g) {
        int checkEvery = g.integer("check_every", GuardrailConfig.DEFAULT_CHECK_EVERY,
                GuardrailConfig.MIN_CHECK_EVERY, GuardrailConfig.MAX_CHECK_EVERY);
        List<String> deny = new ArrayList<>();
        if (g.require("deny")) {
            if (g.node("deny") instanceof YamlNode.Sequence sequence && sequence.items().isEmpty()) {
                g.problems().report(sequence, "needs at least one regular expression");
            }
            List<YamlNode.Scalar> items = g.scalars("deny");
            for (YamlNode.Scalar item : items == null ? List.<YamlNode.Scalar>of() : items) {
                if (item.text().isEmpty()) {
                    g.problems().report(item, "must not be empty (an empty pattern matches everything)");
                } else if (g.parse(item, null, Regexes.EXPECTED, Regexes::compile) != null) {
                    deny.add(item.text());
                }
            }
        }
        return new GuardrailConfig(checkEvery, deny, g.string("message", null));
    }
}
