package dev.switchboard.agent.openai;

import dev.switchboard.agent.ws.Credentials;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes credentials from provider messages before they are logged. Providers echo part of a refused key
 * ("Incorrect API key provided: sk-…"); the log should say which configured key was refused, never its value.
 */
final class Redaction {

    /** Key shapes, each starting at a word boundary so "task-1234" or "risk-free" stay as they are. */
    private static final Pattern SECRET = Pattern.compile(
            "(?<![A-Za-z0-9])(sk-[A-Za-z0-9_*\\-]{8,}|xai-[A-Za-z0-9_*\\-]{8,}|AIza[0-9A-Za-z_\\-]{10,})"
                    + "|Bearer\\s+[A-Za-z0-9._~+/=*\\-]{8,}");

    private Redaction() {}

    static String redact(String text) {
        return redact(text, List.of());
    }

    /** {@code text} without the configured {@code secrets} (whatever their shape) and key-shaped tokens. */
    static String redact(String text, Collection<String> secrets) {
        return Credentials.redact(text, secrets, SECRET);
    }
}
