package dev.switchboard.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whose codec order wins when an offer lists several codecs Switchboard accepts. RFC 3264 §6.1 lets
 * the answerer pick any of the offered formats it supports, and asks it to honour the offerer's
 * preference where it can; either order is therefore standard.
 */
public enum CodecPreference {
    /** The first codec of the offer that is also in our list: the caller's (or carrier's) order wins. */
    OFFER,
    /** The first codec of our list that the offer also has: our order wins. */
    OURS;

    /** The names accepted in {@code codec_preference}. */
    static List<String> names() {
        return Arrays.stream(values()).map(preference -> preference.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** The constant for a name of {@link #names()}. */
    static CodecPreference named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
