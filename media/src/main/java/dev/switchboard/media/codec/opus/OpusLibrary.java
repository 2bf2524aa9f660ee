package dev.switchboard.media.codec.opus;

import dev.switchboard.media.MediaException;
import java.util.Optional;
import org.jitsi.impl.neomedia.codec.audio.opus.Opus;

/**
 * Whether the native Opus codec could be loaded in this JVM.
 *
 * <p>libjitsi's {@code Opus} class loads {@code libjnopus} (libopus 1.5.2, statically linked) in its static
 * initialiser: jitsi-utils' {@code JNIUtils} first tries {@code java.library.path}, then has JNA extract the copy
 * bundled in the libjitsi jar for this platform to a temporary file. That is file I/O, so ask {@link #isAvailable()}
 * once at startup, off any event loop, both to warm it up and to decide whether to offer Opus in SDP at all. A
 * platform without a bundled library (or a missing JNA) leaves Opus unavailable with the reason kept; nothing else
 * breaks.
 */
public final class OpusLibrary {

    /** Why loading failed, or null when the library works. */
    private static final String UNAVAILABLE_REASON = load();

    private OpusLibrary() {}

    /** Whether encoders and decoders can be opened. */
    public static boolean isAvailable() {
        return UNAVAILABLE_REASON == null;
    }

    /** Why the library could not be loaded; empty when it is available. */
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(UNAVAILABLE_REASON);
    }

    /** Throws a {@link MediaException} saying why, unless the library is available. */
    static void requireAvailable() {
        if (UNAVAILABLE_REASON != null) {
            throw new MediaException("Opus is unavailable: " + UNAVAILABLE_REASON);
        }
    }

    /** The name of a negative libopus return code ({@code opus_defines.h}), for error messages. */
    static String errorName(int code) {
        return switch (code) {
            case -1 -> "OPUS_BAD_ARG";
            case -2 -> "OPUS_BUFFER_TOO_SMALL";
            case -3 -> "OPUS_INTERNAL_ERROR";
            case -4 -> "OPUS_INVALID_PACKET";
            case -5 -> "OPUS_UNIMPLEMENTED";
            case -6 -> "OPUS_INVALID_STATE";
            case -7 -> "OPUS_ALLOC_FAIL";
            default -> "libopus error " + code;
        };
    }

    /**
     * Runs libjitsi's own check, which calls into the library: a missing library surfaces here as a
     * {@link LinkageError} (UnsatisfiedLinkError, or NoClassDefFoundError for jitsi-utils or JNA).
     */
    private static String load() {
        try {
            Opus.assertOpusIsFunctional();
            return null;
        } catch (LinkageError e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage() + " (os.name=" + System.getProperty("os.name")
                    + ", os.arch=" + System.getProperty("os.arch") + ")";
        }
    }
}
