package dev.switchboard.agent.gemini;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Protobuf JSON durations, as in {@code goAway.timeLeft}. */
class ProtoDurationsTest {

    @Test
    void decimalSeconds() {
        assertEquals(Duration.ofSeconds(12), ProtoDurations.parse("12s"));
        assertEquals(Duration.ofMillis(1500), ProtoDurations.parse("1.5s"));
        assertEquals(Duration.ofNanos(340_000), ProtoDurations.parse("0.000340s"));
        assertEquals(Duration.ZERO, ProtoDurations.parse("0s"));
        assertEquals(Duration.ofSeconds(5), ProtoDurations.parse(" 5s "));
    }

    @Test
    void anythingElseIsRefusedWithTheText() {
        for (String bad : new String[] {"12", "s", "", "-1s", "1.5ms", "abc s", "1e30s", "1e999999999s", "1.0000000001s", "+1s"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ProtoDurations.parse(bad), bad);
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ProtoDurations.parse(null));
    }
}
