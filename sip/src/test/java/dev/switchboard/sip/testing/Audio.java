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

    /**
     * A WAV file's audio as 8 kHz mono, whatever its rate (8, 16, 24 or 48 kHz) and channels (mixed down): what a
     * softphone recorded of a G.722 or Opus call, to compare with 8 kHz references.
     */
    static short[] pcm8kMonoOfWav(byte[] file) throws IOException {
        WavFormat format = WavFormat.of(file);
        short[] interleaved = pcmOfWav(file);
        short[] mono = new short[interleaved.length / format.channels()];
        for (int i = 0; i < mono.length; i++) {
            int sum = 0;
            for (int c = 0; c < format.channels(); c++) {
                sum += interleaved[i * format.channels() + c];
            }
            mono[i] = (short) (sum / format.channels());
        }
        if (format.rate() == 8_000) {
            return mono;
        }
        dev.switchboard.media.codec.Resampler resampler =
                dev.switchboard.media.codec.Resampler.create(format.rate(), 8_000);
        short[] out = new short[resampler.maxOutputLength(mono.length)];
        int produced = resampler.process(mono, 0, mono.length, out, 0);
        return java.util.Arrays.copyOf(out, produced);
    }

    /** A WAV file's sample rate and channel count, from its {@code fmt } chunk. */
    record WavFormat(int rate, int channels) {
        static WavFormat of(byte[] file) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            buffer.position(12);
            while (buffer.remaining() >= 8) {
                String id = new String(file, buffer.position(), 4, java.nio.charset.StandardCharsets.US_ASCII);
                int size = buffer.getInt(buffer.position() + 4);
                if (id.equals("fmt ")) {
                    return new WavFormat(buffer.getInt(buffer.position() + 12), buffer.getShort(buffer.position() + 10));
                }
                buffer.position(buffer.position() + 8 + size + (size & 1));
            }
            throw new IOException("WAV without a fmt chunk");
        }

        int bytesPerMillisecond() {
            return rate / 1000 * channels * 2;
        }
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

    /**
     * How faithfully {@code signal} carries {@code reference} when its timing may drift a little on the way (a jitter
     * buffer growing and shrinking its delay in the pauses): the reference is cut into 200 ms windows, each is
     * matched within ±100 ms of where the whole matched, and the windows' correlations are averaged weighted by
     * their energy, so silent windows count for nothing.
     */
    public static double windowedCorrelation(short[] reference, short[] signal) {
        int window = 1_600;
        int slack = 800;
        int origin = bestMatch(reference, signal).offset();
        double weighted = 0;
        double totalEnergy = 0;
        for (int start = 0; start + window <= reference.length; start += window) {
            short[] piece = java.util.Arrays.copyOfRange(reference, start, start + window);
            int from = Math.max(0, origin + start - slack);
            int to = Math.min(signal.length, origin + start + window + slack);
            if (to - from < window) {
                continue;
            }
            double energy = 0;
            for (short sample : piece) {
                energy += (double) sample * sample;
            }
            weighted += energy * bestMatch(piece, java.util.Arrays.copyOfRange(signal, from, to)).correlation();
            totalEnergy += energy;
        }
        return totalEnergy == 0 ? 0 : weighted / totalEnergy;
    }

}
