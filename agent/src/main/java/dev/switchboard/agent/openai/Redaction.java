package dev.switchboard.agent.openai;

import java.util.regex.Pattern;

/**
 * Removes credentials from provider messages before they are logged. Providers echo part of a refused key
 * ("Incorrect API key provided: sk-…"); the log should say which configured key was refused, never its value.
 */
final class Redaction {

    private static final Pattern SECRET = Pattern.compile(
            "(sk-[A-Za-z0-9_*\\-]{4,}|Bearer\\s+\\S+|xai-[A-Za-z0-9_*\\-]{4,}|AIza[0-9A-Za-z_\\-]{10,})");

    private Redaction() {}

    static String redact(String text) {
        return text == null ? null : SECRET.matcher(text).replaceAll("[redacted]");
    }
}
