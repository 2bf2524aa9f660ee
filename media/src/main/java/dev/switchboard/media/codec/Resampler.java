package dev.switchboard.media.codec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Streaming rational sample-rate converter for mono 16-bit PCM between 8, 16, 24 and 48 kHz: the telephone
 * side (G.711 at 8 kHz, wideband at 16 kHz) and the rates realtime speech models speak (16, 24, 48 kHz).
 *
 * <p>Conversion by {@code L/M} (the rate ratio reduced by its gcd) is zero-stuffing by L, a low-pass, and
 * keeping every M-th sample, computed as a polyphase FIR so that each output sample costs one dot product over
 * one branch of the filter and no zero is ever multiplied. The low-pass is a Kaiser-windowed sinc designed once
 * per ratio and shared by all instances:
 * <ul>
 *   <li>passband flat (ripple well under ±0.01 dB) to 90% of the lower Nyquist frequency, 3.6 kHz when one side is
 *       8 kHz, so the whole telephone band (300–3400 Hz, ITU-T G.712) passes untouched;</li>
 *   <li>stopband attenuation of at least 80 dB from the lower Nyquist frequency up, designed for 100 dB (beta =
 *       10.06) so that images and aliases of full-scale tones round away below 16-bit resolution: measured side by
 *       side with SoX's {@code rate}, in-band SNR is within 0.4 dB of it on every pair
 *       ({@code deploy/bench/resampler.sh});</li>
 *   <li>the 10% transition band (3.6 to 4 kHz when one side is 8 kHz) sets the length, about
 *       {@code 130 * max(L, M)} taps at the intermediate rate {@code L * inputRate}, rounded up so that the delay is a
 *       whole number of samples. Per output sample that is about 130 multiply-adds when upsampling by 2, 3 or 6
 *       and {@code 130 * M / L} when downsampling: 260 for 16→8 and 48→24, 390 for 24→8, 780 for 48→8 kHz;</li>
 *   <li>linear phase with a group delay of {@link #delay()} whole output samples: 8.1 ms when one side is 8 kHz,
 *       4.1 ms when the lower side is 16 kHz, 2.7 ms between 24 and 48 kHz.</li>
 * </ul>
 * Arithmetic is in double; each output is rounded to the nearest integer and saturated to 16 bits, so overshoot
 * on full-scale input (Gibbs ringing) clips rather than wraps.
 *
 * <p>The instance keeps the filter history between calls: processing a signal in any chunking gives the same
 * output, sample for sample, as processing it at once. It is not thread-safe: it belongs to one call, whose
 * media stays on one event loop. {@link #process} allocates nothing.
 */
public final class Resampler {

    private static final List<Integer> SUPPORTED_RATES = List.of(8000, 16000, 24000, 48000);
    /** Reduced ratio → filter: 8 designs cover every pair of supported rates. */
    private static final Map<Ratio, PolyphaseFilter> FILTERS = designFilters();

    private final int inputRate;
    private final int outputRate;
    private final PolyphaseFilter filter;
    private final int tapsPerPhase;
    /** Input history stored twice (ring of tapsPerPhase at both halves), so any window is contiguous. */
    private final double[] history;
    /** Ring position of the newest input sample. */
    private int newest;
    /** Time of the next output on the intermediate-rate grid, relative to the newest input sample times L. */
    private int nextOutputTime;

    private Resampler(int inputRate, int outputRate, PolyphaseFilter filter) {
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        this.filter = filter;
        this.tapsPerPhase = filter.tapsPerPhase();
        this.history = new double[2 * tapsPerPhase];
        reset();
    }

    /**
     * A converter from {@code inputRate} to {@code outputRate}, each one of 8000, 16000, 24000 or 48000 Hz;
     * equal rates give a converter that copies.
     *
     * @throws IllegalArgumentException if either rate is not supported
     */
    public static Resampler create(int inputRate, int outputRate) {
        requireSupported("input", inputRate);
        requireSupported("output", outputRate);
        if (inputRate == outputRate) {
            return new Resampler(inputRate, outputRate, PolyphaseFilter.IDENTITY);
        }
        int gcd = gcd(inputRate, outputRate);
        return new Resampler(inputRate, outputRate, FILTERS.get(new Ratio(outputRate / gcd, inputRate / gcd)));
    }

    public int inputRate() {
        return inputRate;
    }

    public int outputRate() {
        return outputRate;
    }

    /**
     * Group delay in output samples: what the input holds at time t seconds comes out at output index
     * {@code t * outputRate() + delay()}.
     */
    public int delay() {
        return filter.delay();
    }

    /** The most samples {@link #process} can write for {@code inputLength} input samples, whatever the state. */
    public int maxOutputLength(int inputLength) {
        if (inputLength < 0) {
            throw new IllegalArgumentException("input length must not be negative, was " + inputLength);
        }
        return Math.toIntExact(Math.ceilDiv((long) inputLength * filter.up(), filter.down()));
    }

    /**
     * Converts {@code length} samples of {@code in} from {@code offset}, writing the output samples they complete
     * into {@code out} from {@code outOffset}; {@code out} needs room for {@link #maxOutputLength(int)} samples.
     *
     * @return the number of samples written
     * @throws IndexOutOfBoundsException if a range falls outside its array; nothing is consumed or written then
     */
    public int process(short[] in, int offset, int length, short[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, length, in.length);
        Objects.checkFromIndexSize(outOffset, outputsFor(length), out.length);
        int up = filter.up();
        int down = filter.down();
        int written = outOffset;
        for (int i = offset; i < offset + length; i++) {
            push(in[i]);
            for (; nextOutputTime < up; nextOutputTime += down) {
                out[written++] = saturate(filter.apply(nextOutputTime, history, newest + 1));
            }
            nextOutputTime -= up;
        }
        return written - outOffset;
    }

    /** Forgets all input so far (e.g. after barge-in flushes playout): the next call starts from silence. */
    public void reset() {
        Arrays.fill(history, 0);
        newest = tapsPerPhase - 1;
        nextOutputTime = 0;
    }

    private void push(short sample) {
        newest = newest + 1 == tapsPerPhase ? 0 : newest + 1;
        history[newest] = sample;
        history[newest + tapsPerPhase] = sample;
    }

    /** Outputs fall on nextOutputTime, + M, + 2M, ... and those before {@code length * L} complete now. */
    private int outputsFor(int length) {
        long span = (long) length * filter.up() - nextOutputTime;
        return span <= 0 ? 0 : Math.toIntExact(Math.ceilDiv(span, filter.down()));
    }

    private static short saturate(double value) {
        return (short) Math.clamp(Math.round(value), Short.MIN_VALUE, Short.MAX_VALUE);
    }

    private static void requireSupported(String side, int rate) {
        if (!SUPPORTED_RATES.contains(rate)) {
            throw new IllegalArgumentException(
                    "unsupported " + side + " sample rate " + rate + " Hz; supported: " + SUPPORTED_RATES);
        }
    }

    private static Map<Ratio, PolyphaseFilter> designFilters() {
        Map<Ratio, PolyphaseFilter> filters = new HashMap<>();
        for (int from : SUPPORTED_RATES) {
            for (int to : SUPPORTED_RATES) {
                if (from != to) {
                    int gcd = gcd(from, to);
                    filters.computeIfAbsent(new Ratio(to / gcd, from / gcd),
                            ratio -> PolyphaseFilter.design(ratio.up(), ratio.down()));
                }
            }
        }
        return Map.copyOf(filters);
    }

    /** A rate ratio reduced by its gcd: upsample by {@code up}, then keep every {@code down}-th sample. */
    private record Ratio(int up, int down) {
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
