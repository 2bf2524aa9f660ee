package dev.switchboard.sip.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Audio fixtures and measurements for tests: WAV reading, signal building, correlation. */
public final class Audio {

    private Audio() {}

    /** Reads a 16-bit mono PCM WAV from the test resources. */
    public static short[] wav(String resource) throws IOException {
        try (InputStream in = Audio.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            return pcmOfWav(in.readAllBytes());
        }
    }

    static short[] pcmOfWav(byte[] file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(12);
        while (buffer.remaining() >= 8) {
            String id = new String(file, buffer.position(), 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = buffer.getInt(buffer.position() + 4);
            buffer.position(buffer.position() + 8);
            if (id.equals("data")) {
                short[] pcm = new short[size / 2];
                buffer.asShortBuffer().get(pcm);
                return pcm;
            }
            buffer.position(buffer.position() + size + (size & 1));
        }
        throw new IOException("WAV without a data chunk");
    }

    public static short[] silence(int millis) {
        return new short[millis * 8];
    }

    public static short[] concat(short[]... parts) {
        int total = 0;
        for (short[] part : parts) {
            total += part.length;
        }
        short[] all = new short[total];
        int offset = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    /** Root-mean-square level in dBFS; -inf for silence. */
    public static double rmsDbfs(short[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return 10 * Math.log10(sum / Math.max(1, to - from) / (32768.0 * 32768.0));
    }

    /** The best normalized cross-correlation of {@code reference} inside {@code signal}, over all offsets. */
    public static Match bestMatch(short[] reference, short[] signal) {
        double refEnergy = 0;
        for (short s : reference) {
            refEnergy += (double) s * s;
        }
        Match best = new Match(0, -1);
        for (int lag = 0; lag + reference.length <= signal.length; lag++) {
            double dot = 0;
            double energy = 0;
            for (int i = 0; i < reference.length; i++) {
                double x = signal[lag + i];
                dot += reference[i] * x;
                energy += x * x;
            }
            double correlation = energy == 0 ? 0 : dot / Math.sqrt(refEnergy * energy);
            if (correlation > best.correlation()) {
                best = new Match(lag, correlation);
            }
        }
        return best;
    }

    /** Where {@code reference} best matches inside a signal, and how well (1 = identical up to gain). */
    public record Match(int offset, double correlation) {}

}
