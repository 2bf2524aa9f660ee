package dev.switchboard.media.plc;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Comfort noise for the silences a sender leaves out (DTX), at the level its RFC 3389 CN packets announce, so the
 * line sounds alive instead of dead between talkspurts.
 *
 * <p>The payload's first byte is the noise level in -dBov, 0 to 127 (RFC 3389 §3.1; the top bit is unused and
 * ignored). 0 dBov is the overload point; for 16-bit PCM this class takes a full-scale square wave, RMS 32768, as
 * {@code SpeechOnsetDetector} does for dBFS. (The RFC's μ-law example, ±8031 in 14 bits, is 0.17 dB lower once
 * left-justified: immaterial.) Noise near 0 dBov clips.
 *
 * <p>The optional bytes after the level are reflection coefficients of an all-pole model of the noise's spectrum
 * (§3.2). They are not used: §3 lets a decoder reduce the model order by zeroing the higher coefficients, and this
 * one reduces it to zero, which gives white noise at the announced level. The level is what makes a silence sound
 * natural and what a listener's voice detector measures; many senders send the level alone anyway.
 *
 * <p>No clicks: noise starts from silence and moves to a new level along a {@link #RAMP_MILLIS} linear ramp, and
 * {@link #fadeInto} cross-fades the noise out over the start of the first audio after the silence.
 *
 * <p>Gaussian noise from a seeded {@link SplittableRandom}: the same seed gives the same noise. Allocates only
 * when built. Threading: confined to one call's event loop.
 */
public final class ComfortNoise {

    static final int RAMP_MILLIS = 10;
    private static final double OVERLOAD_RMS = 32768;

    private final SplittableRandom random;
    private final int rampLength;
    private double gain;
    private double target;
    private double step;

    /** @param sampleRate of the PCM to generate, e.g. 8000 for G.711 */
    public ComfortNoise(int sampleRate, long seed) {
        if (sampleRate < 1000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 1000..192000");
        }
        this.random = new SplittableRandom(seed);
        this.rampLength = sampleRate * RAMP_MILLIS / 1000;
    }

    /**
     * Takes the level of an RFC 3389 CN payload; the noise moves to it over the next {@link #RAMP_MILLIS}.
     *
     * @return {@code false}, changing nothing, when the payload is empty: it has no level byte
     */
    public boolean update(byte[] payload, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (length == 0) {
            return false;
        }
        int minusDbov = payload[offset] & 0x7F;
        target = OVERLOAD_RMS * Math.pow(10, -minusDbov / 20.0);
        step = Math.abs(target - gain) / rampLength;
        return true;
    }

    /** Writes {@code length} samples of noise at {@code offset}: silence until a level was given. */
    public void generate(short[] out, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, out.length);
        for (int i = offset; i < offset + length; i++) {
            gain = gain < target ? Math.min(target, gain + step) : Math.max(target, gain - step);
            out[i] = toSample(random.nextGaussian() * gain);
        }
    }

    /**
     * Blends the noise out over the first {@link #RAMP_MILLIS} of the audio that ends the silence, in place; the
     * next {@link #generate} starts from silence again.
     */
    public void fadeInto(short[] pcm, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        int fade = Math.min(length, rampLength);
        for (int j = 0; j < fade; j++) {
            double weight = (j + 1.0) / (fade + 1.0);
            double noise = random.nextGaussian() * gain;
            pcm[offset + j] = toSample(weight * pcm[offset + j] + (1 - weight) * noise);
        }
        gain = 0;
        step = target / rampLength;
    }

    private static short toSample(double value) {
        return (short) Math.clamp(Math.round(value), Short.MIN_VALUE, Short.MAX_VALUE);
    }
}
