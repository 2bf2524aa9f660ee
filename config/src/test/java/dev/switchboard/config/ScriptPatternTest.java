package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class ScriptPatternTest {

    @Test
    void snakeCaseGroupNamesWorkAndComeBackAsWritten() {
        ScriptPattern pattern = ScriptPattern.compile("(?<order_id>[0-9]+)#");
        Matcher match = pattern.pattern().matcher("12345#");

        assertTrue(match.matches());
        assertEquals(Map.of("order_id", "12345"), pattern.values(match));
    }

    @Test
    void groupsThatDidNotTakePartAreLeftOut() {
        ScriptPattern pattern = ScriptPattern.compile("(?<pin>[0-9]{4})#|(?<star_key>\\*)");
        Matcher match = pattern.pattern().matcher("*");

        assertTrue(match.matches());
        assertEquals(Map.of("star_key", "*"), pattern.values(match));
    }

    @Test
    void lookbehindsEscapesAndCharacterClassesAreNotGroups() {
        ScriptPattern pattern = ScriptPattern.compile("(?<!x)\\(?<notagroup>[(?<]+a(?<=a)");

        assertEquals(Map.of(), pattern.groups());
        assertTrue(pattern.pattern().matcher("(<notagroup>(?<a").find());
    }

    @Test
    void badNamesAndBadExpressionsAreRefusedClearly() {
        String bad = assertThrows(IllegalArgumentException.class, () -> ScriptPattern.compile("(?<1st>x)"))
                .getMessage();
        assertTrue(bad.contains("group name '1st'"), bad);
        String twice = assertThrows(IllegalArgumentException.class,
                () -> ScriptPattern.compile("(?<a>x)(?<a>y)")).getMessage();
        assertTrue(twice.contains("used once"), twice);
        String syntax = assertThrows(IllegalArgumentException.class, () -> ScriptPattern.compile("(?<a>x"))
                .getMessage();
        assertTrue(syntax.startsWith("invalid regular expression '(?<g1>x'"), syntax);
        assertFalse(syntax.contains("\n"), syntax);
    }
}
