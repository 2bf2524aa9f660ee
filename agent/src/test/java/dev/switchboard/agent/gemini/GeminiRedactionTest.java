package dev.switchboard.agent.gemini;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Credentials never survive into a reason or a log line. */
class GeminiRedactionTest {

    @Test
    void configuredSecretsAreRemovedWhateverTheirShape() {
        assertEquals("key [redacted] refused", GeminiRedaction.redact("key plain-secret refused", List.of("plain-secret")));
    }

    @Test
    void credentialShapesAreRemovedEvenWhenNotConfigured() {
        assertEquals("API key [redacted] expired",
                GeminiRedaction.redact("API key AIzaSyA1234567890abcdefXYZ expired", List.of()));
        assertEquals("token [redacted] invalid", GeminiRedaction.redact("token ya29.a0AfB_byC-123456 invalid", List.of()));
        assertEquals("[redacted] expired", GeminiRedaction.redact("auth_tokens/abc123.def expired", List.of()));
        assertEquals("header [redacted]", GeminiRedaction.redact("header Bearer abcdefgh12345", List.of()));
    }

    @Test
    void ordinaryWordsStay() {
        String text = "The model AIza is fine; ya29 and Bearer x; Requested entity was not found.";
        assertEquals(text, GeminiRedaction.redact(text, List.of("", " ")));
        assertEquals(null, GeminiRedaction.redact(null, List.of("x")));
    }
}
