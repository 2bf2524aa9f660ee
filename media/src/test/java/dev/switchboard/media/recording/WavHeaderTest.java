package dev.switchboard.media.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavHeaderTest {

    @TempDir
    Path dir;

    @Test
    void describesSixteenBitStereoPcmAtTheRate() throws IOException {
        WavFile wav = readBack(WavHeader.of(16_000, 0));

        assertEquals(44, wav.fileBytes());
        assertEquals(1, wav.formatTag());
        assertEquals(2, wav.channels());
        assertEquals(16_000, wav.sampleRate());
        assertEquals(64_000, wav.byteRate());
        assertEquals(4, wav.blockAlign());
        assertEquals(16, wav.bitsPerSample());
        assertEquals(36, wav.riffSize());
        assertEquals(0, wav.dataSize());
    }

    @Test
    void riffSizeCoversTheHeaderAfterItsFirstEightBytesAndTheData() throws IOException {
        WavFile wav = readBack(WavHeader.of(8_000, 32_000));

        assertEquals(32_036, wav.riffSize());
        assertEquals(32_000, wav.dataSize());
        assertEquals(32_000, wav.byteRate());
    }

    @Test
    void theLargestDataChunkStillFitsThirtyTwoUnsignedBits() {
        long max = WavHeader.MAX_DATA_BYTES;

        assertEquals(0, max % 4, "whole frames");
        assertEquals(max + 36, Integer.toUnsignedLong(WavHeader.riffSize(max)));
        assertEquals(max, Integer.toUnsignedLong(WavHeader.dataSize(max)));
        assertEquals(0xFFFF_FFFFL, max + 36 + 3, "one more frame would overflow the RIFF size");
        assertThrows(IllegalArgumentException.class, () -> WavHeader.dataSize(max + 4));
        assertThrows(IllegalArgumentException.class, () -> WavHeader.riffSize(-4));
    }

    private WavFile readBack(ByteBuffer header) throws IOException {
        byte[] bytes = new byte[header.remaining()];
        header.get(bytes);
        Path file = Files.write(dir.resolve("header.wav"), bytes);
        return WavFile.read(file);
    }
}
