package dev.switchboard.agent.local;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues OpenAI-style identifiers such as {@code event_…}, {@code item_…}, {@code resp_…}: a random per-server nonce
 * followed by a counter, so ids never repeat within one server and are unlikely to meet ids of another server.
 * Shared by all sessions of a server, hence the atomic counter.
 */
final class Ids {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int NONCE_LENGTH = 10;

    private final String nonce;
    private final AtomicLong counter = new AtomicLong();

    Ids() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(NONCE_LENGTH);
        for (int i = 0; i < NONCE_LENGTH; i++) {
            sb.append(BASE62[random.nextInt(BASE62.length)]);
        }
        this.nonce = sb.toString();
    }

    /** A new id such as {@code item_Xq3…}; {@code prefix} is written without the underscore. */
    String next(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('_').append(nonce);
        long n = counter.incrementAndGet();
        int start = sb.length();
        do {
            sb.insert(start, BASE62[(int) (n % BASE62.length)]);
            n /= BASE62.length;
        } while (n > 0);
        return sb.toString();
    }
}
