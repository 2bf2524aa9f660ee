package dev.switchboard.media.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The 44-byte canonical header of a 16-bit stereo PCM WAV file: a RIFF chunk of form {@code WAVE} holding a
 * {@code fmt } chunk and a {@code data} chunk (Microsoft/IBM "Multimedia Programming Interface and Data
 * Specifications 1.0", 1991, chapter 3, RIFF and WAVE). Two channels at 16 bits are plain {@code WAVE_FORMAT_PCM}
 * (format tag 1); WAVE_FORMAT_EXTENSIBLE is only needed beyond two channels or 16 bits.
 *
 * <p>RIFF sizes are unsigned 32-bit, so a data chunk holds at most {@link #MAX_DATA_BYTES}, just under 4 GiB:
 * 18.6 hours of 16 kHz stereo, 37 hours at 8 kHz. No call comes near; a recording that does is cut there.
 */
final class WavHeader {

    static final int LENGTH = 44;
    static final int CHANNELS = 2;
    static final int BYTES_PER_FRAME = CHANNELS * Short.BYTES;
    /** Where the RIFF chunk's size sits: everything after the first 8 bytes, so 36 + the data size. */
    static final int RIFF_SIZE_OFFSET = 4;
    /** Where the data chunk's size sits: the audio bytes that follow the header. */
    static final int DATA_SIZE_OFFSET = 40;
    /** The largest data chunk whose RIFF size (36 more) still fits 32 unsigned bits, in whole frames. */
    static final long MAX_DATA_BYTES = (0xFFFF_FFFFL - (LENGTH - 8)) / BYTES_PER_FRAME * BYTES_PER_FRAME;

    private WavHeader() {
    }

    /** The header of a file with {@code dataBytes} of audio at {@code sampleRate} frames per second. */
    static ByteBuffer of(int sampleRate, long dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt(riffSize(dataBytes)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16)
                .putShort((short) 1)
                .putShort((short) CHANNELS)
                .putInt(sampleRate)
                .putInt(sampleRate * BYTES_PER_FRAME)
                .putShort((short) BYTES_PER_FRAME)
                .putShort((short) Short.SIZE);
        header.put(ascii("data")).putInt(dataSize(dataBytes));
        return header.flip();
    }

    /** The RIFF chunk size field for {@code dataBytes} of audio, as the 32 bits to write. */
    static int riffSize(long dataBytes) {
        return dataSize(dataBytes) + LENGTH - 8;
    }

    /** The data chunk size field, as the 32 bits to write. */
    static int dataSize(long dataBytes) {
        if (dataBytes < 0 || dataBytes > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("WAV data size " + dataBytes + " is outside 0.." + MAX_DATA_BYTES);
        }
        return (int) dataBytes;
    }

    private static byte[] ascii(String fourCc) {
        return fourCc.getBytes(StandardCharsets.US_ASCII);
    }
}
