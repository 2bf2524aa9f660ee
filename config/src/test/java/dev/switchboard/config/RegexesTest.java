package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegexesTest {

    @Test
    void compilesValidExpressions() {
        assertTrue(Regexes.compile("(?i)\\bcredit card\\b").matcher("My CREDIT CARD is").find());
        assertEquals("42", Regexes.compile("(?<order>[0-9]+)#").matcher("42#").results().findFirst()
                .orElseThrow().group("order"));
    }

    @Test
    void reportsTheDescriptionOnOneLine() {
        String message = assertThrows(IllegalArgumentException.class, () -> Regexes.compile("a{2")).getMessage();

        assertEquals("invalid regular expression 'a{2': Unclosed counted closure at index 3", message);
    }

}
