package dev.switchboard.agent.ws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of logs. A provider's close reason, refusal body or error message may quote the key it
 * refused, in full or in part; before such text is logged it loses the configured secrets (whatever their shape,
 * Azure's bare hex keys included) and every token shaped like a credential of that provider.
 */
public final class Credentials {

    public static final String REDACTED = "[redacted]";
    private static final String BEARER = "Bearer ";

    private Credentials() {}

    /** The secret values of upgrade headers, bare as well as with their {@code Bearer} scheme. */
    public static List<String> secretsOf(Map<String, String> headers) {
        List<String> secrets = new ArrayList<>();
        for (String value : headers.values()) {
            secrets.add(value);
            if (value.startsWith(BEARER)) {
                secrets.add(value.substring(BEARER.length()));
            }
        }
        return secrets;
    }

    /** {@code text} with each of {@code secrets} and every match of {@code shapes} replaced by {@link #REDACTED}. */
    public static String redact(String text, Collection<String> secrets, Pattern shapes) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                redacted = redacted.replace(secret, REDACTED);
            }
        }
        return shapes.matcher(redacted).replaceAll(REDACTED);
    }
}
