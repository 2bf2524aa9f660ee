package dev.switchboard.agent.gemini;

import dev.switchboard.agent.ws.Credentials;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it is logged or reported: Google API keys ({@code AIza…}), OAuth access
 * tokens ({@code ya29.…}), ephemeral tokens ({@code auth_tokens/…}), bearer values, and the configured secrets
 * themselves, whatever their shape. A close reason or an upgrade refusal may quote the key that was refused.
 */
final class GeminiRedaction {

    /** Each shape starts at a word boundary, so ordinary words that merely contain the prefix stay as they are. */
    private static final Pattern SECRET = Pattern.compile(
            "(?<![A-Za-z0-9])(AIza[0-9A-Za-z_\\-]{10,}|ya29\\.[0-9A-Za-z_.\\-]{8,}|auth_tokens/[0-9A-Za-z_.\\-]+)"
                    + "|Bearer\\s+[A-Za-z0-9._~+/=*\\-]{8,}");

    private GeminiRedaction() {}

    /** {@code text} with every known secret and every credential-shaped token replaced. */
    static String redact(String text, Collection<String> secrets) {
        return Credentials.redact(text, secrets, SECRET);
    }
}
