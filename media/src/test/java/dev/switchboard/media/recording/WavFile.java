package dev.switchboard.media.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A 16-bit PCM WAV file read back by walking its RIFF chunks, independently of {@link WavHeader}: the header's
 * fields as found, and the data chunk's samples split into channels.
 */
record WavFile(long fileBytes, long riffSize, int formatTag, int channels, int sampleRate, int byteRate,
        int blockAlign, int bitsPerSample, long dataSize, short[] left, short[] right) {

    static WavFile read(Path path) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", fourCc(bytes), "RIFF chunk id");
        long riffSize = Integer.toUnsignedLong(bytes.getInt());
        assertEquals("WAVE", fourCc(bytes), "RIFF form type");
        Builder file = new Builder(bytes.capacity(), riffSize);
        while (bytes.remaining() >= 8 && file.left == null) {
            String id = fourCc(bytes);
            long size = Integer.toUnsignedLong(bytes.getInt());
            switch (id) {
                case "fmt " -> file.format(bytes.slice(bytes.position(), (int) size).order(ByteOrder.LITTLE_ENDIAN));
                case "data" -> file.data(bytes, size);
                default -> { }
            }
            bytes.position(bytes.position() + (int) Math.min(size + (size & 1), bytes.remaining()));
        }
        return file.build();
    }

    /** Stereo frames in the data chunk, as its size says. */
    int frames() {
        return left.length;
    }

    private static String fourCc(ByteBuffer bytes) {
        byte[] id = new byte[4];
        bytes.get(id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static final class Builder {
        private final long fileBytes;
        private final long riffSize;
        private int formatTag;
        private int channels;
        private int sampleRate;
        private int byteRate;
        private int blockAlign;
        private int bitsPerSample;
        private long dataSize;
        private short[] left;
        private short[] right;

        Builder(long fileBytes, long riffSize) {
            this.fileBytes = fileBytes;
            this.riffSize = riffSize;
        }

        void format(ByteBuffer fmt) {
            formatTag = Short.toUnsignedInt(fmt.getShort());
            channels = fmt.getShort();
            sampleRate = fmt.getInt();
            byteRate = fmt.getInt();
            blockAlign = fmt.getShort();
            bitsPerSample = fmt.getShort();
        }

        /** Reads what the size announces, or what the file holds if it is shorter (an interrupted recording). */
        void data(ByteBuffer bytes, long size) {
            dataSize = size;
            int frames = (int) (Math.min(size, bytes.remaining()) / 4);
            left = new short[frames];
            right = new short[frames];
            ByteBuffer samples = bytes.slice(bytes.position(), frames * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < frames; i++) {
                left[i] = samples.getShort();
                right[i] = samples.getShort();
            }
        }

        WavFile build() {
            return new WavFile(fileBytes, riffSize, formatTag, channels, sampleRate, byteRate, blockAlign,
                    bitsPerSample, dataSize, left, right);
        }
    }
}
