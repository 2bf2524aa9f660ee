package dev.switchboard.agent.openai;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Provider messages lose their credentials before they reach a log or a close reason. */
class RedactionTest {

    @Test
    void openAiKeysAreReplaced() {
        assertEquals("Incorrect API key provided: [redacted].",
                Redaction.redact("Incorrect API key provided: sk-abc123def456."));
        assertEquals("key [redacted] refused", Redaction.redact("key sk-proj-AbC_12-xYz refused"));
    }

    @Test
    void keysMaskedByTheProviderAreStillReplaced() {
        assertEquals("Incorrect API key provided: [redacted]. You can find your key at https://platform.openai.com.",
                Redaction.redact("Incorrect API key provided: sk-abc1****************wxyz. "
                        + "You can find your key at https://platform.openai.com."));
    }

    @Test
    void bearerTokensAreReplaced() {
        assertEquals("Authorization: [redacted]", Redaction.redact("Authorization: Bearer eyJhbGciOi.J9x.ZmFr"));
        assertEquals("header [redacted] was sent", Redaction.redact("header Bearer  ek_68af2c9d was sent"));
    }

    @Test
    void xaiKeysAreReplaced() {
        assertEquals("invalid key [redacted]", Redaction.redact("invalid key xai-AbCdEf123456"));
    }

    @Test
    void googleApiKeysAreReplaced() {
        assertEquals("API key not valid: [redacted]",
                Redaction.redact("API key not valid: AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"));
    }

    @Test
    void everySecretInAMessageIsReplaced() {
        assertEquals("[redacted] and [redacted] and [redacted]",
                Redaction.redact("sk-first1234 and xai-second5678 and AIzaThirdKey1234567"));
    }

    @Test
    void ordinaryTextIsUntouched() {
        String text = "Session expired after 60 minutes (code session_expired); skip ahead, ask for order 12345. "
                + "The bearer token goes in a header. AIza short.";
        assertEquals(text, Redaction.redact(text));
        assertEquals("", Redaction.redact(""));
    }

    @Test
    void tooShortToBeAKeyIsUntouched() {
        assertEquals("sk-1 xai-ab AIza123", Redaction.redact("sk-1 xai-ab AIza123"));
    }

    @Test
    void nullStaysNull() {
        assertNull(Redaction.redact(null));
    }

    @Test
    void aConfiguredSecretOfAnyShapeIsRemoved() {
        String azureKey = "0123456789abcdef0123456789abcdef";
        OpenAiEndpoint endpoint = OpenAiEndpoint.azure("https://res.openai.azure.com", azureKey, null, "dep");
        assertEquals("Access denied due to invalid subscription key [redacted].",
                Redaction.redact("Access denied due to invalid subscription key " + azureKey + ".", endpoint.secrets()));
    }
}
