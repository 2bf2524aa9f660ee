package dev.switchboard.media.codec.opus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * 16-bit samples to and from the byte arrays libjitsi's binding takes: its C code reads and writes them as
 * {@code opus_int16}, so the byte order is the platform's own, not necessarily little-endian.
 */
final class NativePcm {

    private static final VarHandle SAMPLE =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.nativeOrder());

    private NativePcm() {}

    static void toBytes(short[] pcm, int offset, int samples, byte[] out) {
        for (int i = 0; i < samples; i++) {
            SAMPLE.set(out, 2 * i, pcm[offset + i]);
        }
    }

    static void toSamples(byte[] in, int samples, short[] out, int outOffset) {
        for (int i = 0; i < samples; i++) {
            out[outOffset + i] = (short) SAMPLE.get(in, 2 * i);
        }
    }
}
