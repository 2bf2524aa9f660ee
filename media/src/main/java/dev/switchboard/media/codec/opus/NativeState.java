package dev.switchboard.media.codec.opus;

import java.lang.ref.Cleaner;
import java.util.function.LongConsumer;

/**
 * One libopus encoder or decoder state, freed exactly once: by {@link #close()}, or by a {@link Cleaner} if the
 * owner is dropped without closing (a safety net; closing is still the owner's job, since the cleaner only runs
 * after a garbage collection notices).
 *
 * <p>Every native call on the pointer must be followed by {@code Reference.reachabilityFence(state)}: without it
 * the JIT may consider this object unreachable while native code still runs, and the cleaner could free the state
 * under it.
 */
final class NativeState {

    private static final Cleaner CLEANER = Cleaner.create();

    private final long pointer;
    private final String what;
    private final Cleaner.Cleanable cleanable;
    private boolean closed;

    /** Takes ownership of a non-zero {@code pointer}, which {@code destroy} frees. */
    NativeState(long pointer, LongConsumer destroy, String what) {
        this.pointer = pointer;
        this.what = what;
        this.cleanable = CLEANER.register(this, new Release(pointer, destroy));
    }

    /** The native pointer, for one call. */
    long pointer() {
        if (closed) {
            throw new IllegalStateException(what + " is closed");
        }
        return pointer;
    }

    boolean isClosed() {
        return closed;
    }

    /** Frees the native state; later calls do nothing. */
    void close() {
        if (!closed) {
            closed = true;
            cleanable.clean();
        }
    }

    /** Holds no reference to the {@link NativeState}, or the cleaner could never run. */
    private record Release(long pointer, LongConsumer destroy) implements Runnable {
        @Override
        public void run() {
            destroy.accept(pointer);
        }
    }
}
