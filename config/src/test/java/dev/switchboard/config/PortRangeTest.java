package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangeTest {

    @Test
    void parsesInclusiveRange() {
        PortRange range = PortRange.parse("20000-20999");

        assertEquals(new PortRange(20000, 20999), range);
        assertEquals(1000, range.size());
        assertEquals("20000-20999", range.toString());
    }

    @Test
    void acceptsSmallestAndWidestRanges() {
        assertEquals(2, PortRange.parse("1024-1025").size());
        assertEquals(64512, PortRange.parse("1024-65535").size());
        assertEquals(new PortRange(30000, 30001), PortRange.parse(" 30000 - 30001 "));
    }

    @Test
    void explainsWhatIsWrong() {
        assertEquals("first port 20999 is greater than last port 20000", message("20999-20000"));
        assertEquals("port 80 is outside 1024..65535", message("80-90"));
        assertEquals("port 65536 is outside 1024..65535", message("60000-65536"));
        assertEquals("range 20000-20000 has one port; RTP needs at least 2 (RTP + RTCP)", message("20000-20000"));
        assertEquals("invalid port range '20000' (expected first-last, e.g. 20000-20999)", message("20000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "a-b", "20000-", "-20000", "20000-20999-21000", "2e4-3e4", "1024-999999"})
    void rejectsMalformed(String text) {
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse(text));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> PortRange.parse(text)).getMessage();
    }
}
