package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void parsesEveryUnit() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(3), Durations.parse("3s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertEquals(Duration.ofSeconds(32), Durations.parse("32"));
        assertEquals(Duration.ofSeconds(4), Durations.parse(" 4 s "));
        assertEquals(Duration.ofHours(999_999_999), Durations.parse("999999999h"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "1.5s", "-1s", "3 seconds", "3S", "1d", "1h30m", "1234567890s", "PT3S"})
    void rejectsOtherForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

        assertEquals("invalid duration '" + text + "' (expected " + Durations.EXPECTED + ")", e.getMessage());
    }

    @Test
    void bareYamlIntegerMeansSeconds() {
        SwitchboardConfig config = ConfigFixtures.parse(ConfigFixtures.MINIMAL + "sip: {ack_timeout: 10}\n");

        assertEquals(Duration.ofSeconds(10), config.sip().ackTimeout());
    }

    @Test
    void formatsInTheLargestWholeUnit() {
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
        assertEquals("0ms", Durations.format(Duration.ZERO));
        assertEquals("30s", Durations.format(Duration.ofSeconds(30)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("55m", Durations.format(Duration.ofMinutes(55)));
        assertEquals("2h", Durations.format(Duration.ofHours(2)));
    }
}
