package dev.switchboard.media.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Fixtures, test signals and measurements shared by the G.722 tests. */
final class G722TestAudio {

    /** Encode then decode delays 16 kHz audio by this many samples: the two 24-tap QMFs' group delays. */
    static final int CODEC_DELAY = 22;

    private G722TestAudio() {
    }

    /** A fixture from {@code src/test/resources/dev/switchboard/media/codec/g722/}, see the README there. */
    static byte[] fixture(String name) {
        try (InputStream in = G722TestAudio.class.getResourceAsStream("g722/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture g722/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture of 16-bit little-endian PCM. */
    static short[] pcmFixture(String name) {
        byte[] bytes = fixture(name);
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    /** {@code samples} of a sine at {@code frequency} Hz and {@code amplitude} (full scale 32767), at 16 kHz. */
    static short[] tone(double frequency, double amplitude, int samples) {
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / G722.SAMPLE_RATE));
        }
        return tone;
    }

    static byte[] encode(short[] pcm) {
        G722Encoder encoder = new G722Encoder();
        byte[] codes = new byte[encoder.maxEncodedLength(pcm.length)];
        encoder.encode(pcm, 0, pcm.length, codes, 0);
        return codes;
    }

    static short[] decode(byte[] codes) {
        short[] pcm = new short[codes.length * G722.SAMPLES_PER_BYTE];
        new G722Decoder().decode(codes, 0, codes.length, pcm, 0);
        return pcm;
    }

    /**
     * Signal-to-noise ratio in dB of {@code output} against {@code reference}, with output sample
     * {@code i + delay} compared to reference sample {@code i}, from reference sample {@code from} on.
     */
    static double snrDb(short[] reference, short[] output, int delay, int from) {
        double signal = 0;
        double noise = 0;
        for (int i = from; i < reference.length && i + delay < output.length; i++) {
            double error = output[i + delay] - reference[i];
            signal += (double) reference[i] * reference[i];
            noise += error * error;
        }
        return 10 * Math.log10(signal / noise);
    }

    /**
     * Amplitude of the {@code frequency} Hz component of {@code samples[from, to)} at {@code sampleRate}, by
     * correlation with a sine and a cosine; exact for a tone with a whole number of cycles in the range.
     */
    static double amplitudeAt(short[] samples, int from, int to, double frequency, int sampleRate) {
        double in = 0;
        double quadrature = 0;
        for (int i = from; i < to; i++) {
            double phase = 2 * Math.PI * frequency * i / sampleRate;
            in += samples[i] * Math.sin(phase);
            quadrature += samples[i] * Math.cos(phase);
        }
        return 2 * Math.hypot(in, quadrature) / (to - from);
    }
}
