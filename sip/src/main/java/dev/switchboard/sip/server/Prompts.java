package dev.switchboard.sip.server;

import dev.switchboard.agent.local.OfflineVoice;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's own spoken prompts (hold messages, apologies), rendered once at start-up by the offline voice:
 * they are needed exactly when no provider can speak, so they must not depend on one.
 */
final class Prompts implements AutoCloseable {

    private static final long RENDER_SECONDS = 30;

    private final OfflineVoice voice = new OfflineVoice();
    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();

    /** {@code text} as 24 kHz PCM16; empty for an empty text. */
    byte[] render(String text) {
        if (text == null || text.isBlank()) {
            return new byte[0];
        }
        return rendered.computeIfAbsent(text, this::speak);
    }

    private byte[] speak(String text) {
        try {
            return voice.speak(text).get(RENDER_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot render the prompt \"" + text + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        voice.close();
    }
}
