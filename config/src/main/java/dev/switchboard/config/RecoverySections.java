package dev.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Binds what an agent does for the caller when its provider is in trouble: {@code hold_message}
 * and {@code hold_after} while it is unreachable, {@code fallback:} once it has failed for good.
 */
final class RecoverySections {

    static final List<String> FALLBACK_KEYS = List.of("say", "then", "transfer_to");

    /** The bound values, in {@link AgentConfig}'s order. */
    record Settings(String holdMessage, Duration holdAfter, FallbackConfig fallback) {
    }

    private RecoverySections() {
    }

    /** Unlike most keys, an explicitly empty {@code hold_message} or {@code say} means "say nothing". */
    static Settings settings(MapView a) {
        return new Settings(
                a.verbatim("hold_message", AgentConfig.DEFAULT_HOLD_MESSAGE),
                a.duration("hold_after", AgentConfig.DEFAULT_HOLD_AFTER),
                fallback(a.section("fallback", FALLBACK_KEYS)));
    }

    /** {@code transfer_to} is required with, and only allowed with, {@code then: transfer}. */
    private static FallbackConfig fallback(MapView f) {
        String say = f.verbatim("say", FallbackConfig.DEFAULT_SAY);
        String thenName = f.choice("then", "fallback action", FallbackConfig.Then.names(), "hangup");
        FallbackConfig.Then then = thenName == null ? null
                : FallbackConfig.Then.valueOf(thenName.toUpperCase(Locale.ROOT));
        if (then == FallbackConfig.Then.TRANSFER) {
            String transferTo = transferTo(f);
            return transferTo == null ? FallbackConfig.defaults() : new FallbackConfig(say, then, transferTo);
        }
        if (then != null) {
            f.reject(List.of("transfer_to"), "only used with then: transfer");
            return new FallbackConfig(say, then, null);
        }
        f.parse(f.scalar("transfer_to"), null, CallUris.EXPECTED, CallUris::check);
        return FallbackConfig.defaults();
    }

    private static String transferTo(MapView f) {
        if (!f.require("transfer_to", " (then: transfer needs " + CallUris.EXPECTED + ")")) {
            return null;
        }
        YamlNode.Scalar scalar = f.scalar("transfer_to");
        if (scalar != null && scalar.text().isBlank()) {
            f.problems().report(scalar, "needs " + CallUris.EXPECTED);
            return null;
        }
        return f.parse(scalar, null, CallUris.EXPECTED, CallUris::check);
    }
}
