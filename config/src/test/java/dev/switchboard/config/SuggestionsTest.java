package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("provider", "mode", "voice", "tools", "connect_timeout");

    @Test
    void editDistance() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(1, Suggestions.distance("provder", "provider"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(4, Suggestions.distance("", "mode"));
        assertEquals(1, Suggestions.distance("fiel", "file"));
        assertEquals(2, Suggestions.distance("abcd", "badc"));
    }

    @Test
    void suggestsClosePlausibleKey() {
        assertEquals(Optional.of("provider"), Suggestions.closest("provder", KEYS));
        assertEquals(Optional.of("connect_timeout"), Suggestions.closest("connectTimeout", KEYS));
        assertEquals(Optional.of("mode"), Suggestions.closest("MODE", KEYS));
        assertEquals(" (did you mean 'tools'?)", Suggestions.didYouMean("tool", KEYS));
        assertEquals(Optional.of("mode"), Suggestions.closest("mdoe", KEYS));
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertEquals(Optional.empty(), Suggestions.closest("colour", KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("x", KEYS));
        assertEquals("", Suggestions.didYouMean("greetings_text", KEYS));
    }
}
