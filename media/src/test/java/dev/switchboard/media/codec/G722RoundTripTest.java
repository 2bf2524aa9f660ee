package dev.switchboard.media.codec;

import static dev.switchboard.media.codec.G722TestAudio.CODEC_DELAY;
import static dev.switchboard.media.codec.G722TestAudio.amplitudeAt;
import static dev.switchboard.media.codec.G722TestAudio.decode;
import static dev.switchboard.media.codec.G722TestAudio.encode;
import static dev.switchboard.media.codec.G722TestAudio.pcmFixture;
import static dev.switchboard.media.codec.G722TestAudio.snrDb;
import static dev.switchboard.media.codec.G722TestAudio.tone;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Quality of encode then decode. The codec is deterministic and the inputs fixed, so each bound sits a little under
 * the value measured when it was written (given in each test): enough that a wrong table entry, shift or sign,
 * which costs many dB, fails. The speech figure is also what ffmpeg's own encoder and decoder achieve on that
 * fixture, since both directions match ffmpeg bit for bit ({@link G722InteropTest}).
 */
class G722RoundTripTest {

    private static final int ONE_SECOND = G722.SAMPLE_RATE;
    /** Skips the first 100 ms, while the scale factors adapt up from their reset values. */
    private static final int SETTLED = ONE_SECOND / 10;
    private static final double MINUS_10_DBFS = 32_767 * Math.pow(10, -10 / 20.0);

    /** Measured 29.8 dB. */
    @Test
    void speechComesBackAbove29DbSnr() {
        short[] speech = pcmFixture("speech.pcm");

        double snr = snrDb(speech, decode(encode(speech)), CODEC_DELAY, 0);

        assertTrue(snr >= 29, "speech SNR " + snr + " dB");
    }

    /** Measured 47.4 dB; G.711 μ-law manages about 38 dB on the same tone. */
    @Test
    void oneKilohertzToneComesBackAbove45DbSnr() {
        short[] tone = tone(1_000, MINUS_10_DBFS, ONE_SECOND);

        double snr = snrDb(tone, decode(encode(tone)), CODEC_DELAY, SETTLED);

        assertTrue(snr >= 45, "1 kHz SNR " + snr + " dB");
    }

    /**
     * Wideband: a 7 kHz tone comes through at its level (measured gain 0.00 dB, SNR 22.4 dB with the 2-bit higher
     * band), while the G.711 path, which has to go through 8 kHz, cannot carry anything above 4 kHz.
     */
    @Test
    void sevenKilohertzToneComesThroughWhereG711CannotCarryIt() {
        short[] tone = tone(7_000, MINUS_10_DBFS, ONE_SECOND);
        double inputLevel = amplitudeAt(tone, SETTLED, ONE_SECOND, 7_000, G722.SAMPLE_RATE);

        short[] g722 = decode(encode(tone));
        short[] g711 = throughG711(tone);

        double g722Gain = gainDb(amplitudeAt(g722, SETTLED, ONE_SECOND, 7_000, G722.SAMPLE_RATE), inputLevel);
        double g711Gain = gainDb(amplitudeAt(g711, SETTLED, g711.length, 7_000, G722.SAMPLE_RATE), inputLevel);
        assertTrue(Math.abs(g722Gain) < 0.5, "G.722 gain at 7 kHz " + g722Gain + " dB");
        assertTrue(snrDb(tone, g722, CODEC_DELAY, SETTLED) >= 20, "G.722 SNR at 7 kHz");
        assertTrue(g711Gain < -60, "G.711 gain at 7 kHz " + g711Gain + " dB");
    }

    /** 16 kHz → 8 kHz → μ-law → 8 kHz → 16 kHz, the way a narrowband call carries wideband audio. */
    private static short[] throughG711(short[] wideband) {
        Resampler down = Resampler.create(G722.SAMPLE_RATE, 8_000);
        Resampler up = Resampler.create(8_000, G722.SAMPLE_RATE);
        short[] narrowband = new short[down.maxOutputLength(wideband.length)];
        int count = down.process(wideband, 0, wideband.length, narrowband, 0);
        byte[] codes = new byte[count];
        G711.MU_LAW.encode(narrowband, 0, count, codes, 0);
        G711.MU_LAW.decode(codes, 0, count, narrowband, 0);
        short[] back = new short[up.maxOutputLength(count)];
        int produced = up.process(narrowband, 0, count, back, 0);
        return java.util.Arrays.copyOf(back, produced);
    }

    private static double gainDb(double level, double reference) {
        return 20 * Math.log10(level / reference);
    }
}
