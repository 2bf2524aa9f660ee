package dev.switchboard.media.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    private static final Path BASE = Path.of("/srv/switchboard");
    private static final ZonedDateTime START = Instant.parse("2025-12-31T23:30:05Z").atZone(ZoneOffset.UTC);
    private static final RecordedCall CALL = new RecordedCall("a84b4c76e66710", "+4930123456", "100", "orders");

    @Test
    void fillsEveryPlaceholder() {
        PathTemplate template = PathTemplate.parse("recordings/{date}/{agent}/{call_id}-{from}-{to}-{time}.wav");

        assertEquals(Path.of("/srv/switchboard/recordings/2025-12-31/orders/a84b4c76e66710-+4930123456-100-233005.wav"),
                template.resolve(BASE, CALL, START));
    }

    @Test
    void dateAndTimeFollowTheConfiguredZone() {
        PathTemplate template = PathTemplate.parse("{date}/{time}.wav");

        assertEquals(Path.of("/srv/switchboard/2026-01-01/003005.wav"),
                template.resolve(BASE, CALL, START.withZoneSameInstant(ZoneId.of("Europe/Berlin"))));
    }

    @Test
    void anAbsoluteTemplateIgnoresTheBaseDirectory() {
        assertEquals(Path.of("/var/rec/orders.wav"),
                PathTemplate.parse("/var/rec/{agent}.wav").resolve(BASE, CALL, START));
    }

    @Test
    void hostileCallerValuesStayAFileNameInsideTheTemplatesDirectory() {
        PathTemplate template = PathTemplate.parse("recordings/{date}/{from}");
        Path directory = BASE.resolve("recordings/2025-12-31");
        List<String> hostile = List.of("../../etc/passwd", "..", ".", "/", "/etc/shadow", "a/../../b", "..\\..\\x",
                "\u0000\r\nSet-Cookie", "\u202Egnp.exe", "%2e%2e%2f", "~root", "$(reboot)", " ", "\uD83D\uDE00",
                "x".repeat(10_000));
        for (String from : hostile) {
            Path path = template.resolve(BASE, new RecordedCall("c", from, "t", "a"), START);

            assertEquals(directory, path.getParent(), () -> "from " + printable(from) + " gave " + path);
            String name = path.getFileName().toString();
            assertTrue(name.matches("[A-Za-z0-9+_-][A-Za-z0-9+._-]{0,47}"),
                    () -> "from " + printable(from) + ": " + name);
        }
    }

    @Test
    void sanitisingKeepsWhatIsSafeAndReplacesRunsOfTheRest() {
        assertEquals("+49_30_1234", PathTemplate.sanitise("+49 30 1234"));
        assertEquals("alice_example.com", PathTemplate.sanitise("alice@example.com"));
        assertEquals("Zo_", PathTemplate.sanitise("Zoë"));
        assertEquals("_", PathTemplate.sanitise("日本語"));
        assertEquals("_..hidden", PathTemplate.sanitise("...hidden"));
        assertEquals("_etc_passwd", PathTemplate.sanitise("/etc/passwd"));
        assertEquals("unknown", PathTemplate.sanitise(null));
        assertEquals("unknown", PathTemplate.sanitise(" \t"));
        assertEquals(48, PathTemplate.sanitise("9".repeat(100)).length());
    }

    @Test
    void aValueIsCutAfterSanitisingNotBefore() {
        String sanitised = PathTemplate.sanitise("日".repeat(200) + "tail");

        assertEquals("_tail", sanitised, "a run of replaced characters counts once");
    }

    @Test
    void rejectsTemplatesThatAreNotSafePathsWithTheReason() {
        assertRejected("recordings/{caller}.wav", "unknown placeholder {caller}");
        assertRejected("recordings/{from.wav", "'{' or '}'");
        assertRejected("recordings/from}.wav", "'{' or '}'");
        assertRejected("recordings/../{from}.wav", "'..' segment");
        assertRejected("./{from}.wav", "'.' segment");
        assertRejected("recordings/{date}/", "ends with '/'");
        assertRejected("recordings\\{from}.wav", "backslash");
        assertRejected("rec\nordings/{from}.wav", "control character U+000A");
        assertRejected("{call_id}{from}{to}{agent}{call_id}{date}.wav", "could expand to 222 bytes".replace("222",
                String.valueOf(5 * 48 + 10 + 4 + 4)));
        assertRejected("  ", "empty");
    }

    @Test
    void acceptsTheDefaultPathAndFourValuesInOneName() {
        PathTemplate.parse(RecordingSettings.DEFAULT_PATH);
        PathTemplate.parse("{call_id}-{from}-{to}-{agent}-{date}-{time}.wav");
    }

    private static void assertRejected(String template, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse(template));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return shown.codePoints().mapToObj(c -> c < 0x20 || c > 0x7E ? "\\u%04X".formatted(c) : Character.toString(c))
                .reduce("", String::concat);
    }
}
