package dev.switchboard.agent.runtime;

import java.util.Optional;
import java.util.regex.Pattern;

/** A guardrail that trips when the transcript contains a match of a regular expression. */
public record PatternGuardrail(Pattern deny) implements Guardrail {

    @Override
    public Optional<String> check(String transcript) {
        return deny.matcher(transcript).find() ? Optional.of("must not say /" + deny.pattern() + "/") : Optional.empty();
    }
}
