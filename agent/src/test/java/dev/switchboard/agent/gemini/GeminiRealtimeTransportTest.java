package dev.switchboard.agent.gemini;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.Capabilities;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What the call is told about Gemini (realtime-protocols §6.3, §6.6, §6.7). */
class GeminiRealtimeTransportTest {

    @Test
    void capabilitiesDescribeGeminiLive() {
        Capabilities capabilities = new GeminiRealtimeTransport(GeminiEndpoint.apiKey(null, "AIzaKey0123456789xyz", "m"))
                .capabilities();

        assertEquals(new Capabilities(Set.of(AudioFormat.PCM16_16K), Set.of(AudioFormat.PCM16_24K),
                false, false, false, true, Duration.ofMinutes(10)), capabilities);
        assertFalse(capabilities.speaks(AudioFormat.PCMU), "no G.711: the call transcodes");
    }

    @Test
    void toStringKeepsTheKeyOut() {
        String shown = new GeminiRealtimeTransport(GeminiEndpoint.apiKey(null, "AIzaKey0123456789xyz", "m")).toString();

        assertFalse(shown.contains("AIzaKey0123456789xyz"), shown);
    }
}
