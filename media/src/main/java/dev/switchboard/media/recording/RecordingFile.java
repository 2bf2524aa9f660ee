package dev.switchboard.media.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One stereo WAV file being written: the header first with the sizes of an empty file, then the audio, and the
 * sizes made true again every few seconds of audio and at the end.
 *
 * <p>Rewriting the sizes as the file grows means a file cut short by a crash is still a valid WAV, missing at
 * most {@link #CHECKPOINT_SECONDS} of its audio (players honour the data size and ignore what follows). The
 * sizes are written, not forced to disk: a process that dies leaves them in the page cache, which the kernel
 * writes out anyway; only losing the whole machine can lose more, and an fsync every few seconds per call would
 * cost the disk more than that is worth.
 *
 * <p>Threading: confined to the recording writer.
 */
final class RecordingFile implements StereoAligner.Sink, AutoCloseable {

    static final int CHECKPOINT_SECONDS = 5;
    /** How many numbered alternatives to try after the template's own name is taken. */
    private static final int MAX_SUFFIX = 999;

    /** Opens a new file for writing; fails when the path exists, so that nothing is ever overwritten. */
    interface Opener {
        FileChannel open(Path path) throws IOException;
    }

    static final Opener CREATE_NEW =
            path -> FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final Path path;
    private final FileChannel channel;
    private final int sampleRate;
    private final long maxDataBytes;
    /** Shared by all files of one writer: bytes on their way to the channel. */
    private final ByteBuffer buffer;
    private final ByteBuffer sizeField = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;
    private long checkpointedBytes;

    private RecordingFile(Path path, FileChannel channel, int sampleRate, long maxDataBytes, ByteBuffer buffer) {
        this.path = path;
        this.channel = channel;
        this.sampleRate = sampleRate;
        this.maxDataBytes = maxDataBytes;
        this.buffer = buffer;
    }

    /**
     * Creates the file at {@code path}, or, when that exists, at the first free one of {@code name-1.wav},
     * {@code name-2.wav}, ...; creates missing parent directories, and writes the header.
     *
     * @param buffer a little-endian buffer for the audio on its way out, a multiple of 4 bytes
     */
    static RecordingFile create(Path path, Opener opener, int sampleRate, long maxDataBytes, ByteBuffer buffer)
            throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        for (int suffix = 0; suffix <= MAX_SUFFIX; suffix++) {
            Path candidate = suffix == 0 ? path : withSuffix(path, suffix);
            FileChannel channel;
            try {
                channel = opener.open(candidate);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            RecordingFile file = new RecordingFile(candidate, channel, sampleRate, maxDataBytes, buffer);
            try {
                file.writeHeader();
            } catch (IOException e) {
                abandon(file, e);
                throw e;
            }
            return file;
        }
        throw new FileAlreadyExistsException(path.toString(), null,
                "it and " + MAX_SUFFIX + " numbered alternatives all exist");
    }

    /** A file whose header could not be written holds nothing worth keeping. */
    private static void abandon(RecordingFile file, IOException cause) {
        try {
            file.close();
            Files.deleteIfExists(file.path);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** {@code a/b.wav} → {@code a/b-2.wav}; a name without an extension just gets the suffix. */
    static Path withSuffix(Path path, int suffix) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot <= 0 ? name + "-" + suffix : name.substring(0, dot) + "-" + suffix + name.substring(dot);
        return path.resolveSibling(numbered);
    }

    Path path() {
        return path;
    }

    /** Bytes of audio written so far. */
    long dataBytes() {
        return dataBytes;
    }

    /**
     * Appends frames as little-endian 16-bit samples.
     *
     * @throws IOException when writing fails, or when the file reaches its size limit, having written what fits
     */
    @Override
    public void write(short[] samples, int from, int frames) throws IOException {
        long room = (maxDataBytes - dataBytes) / WavHeader.BYTES_PER_FRAME;
        int fitting = (int) Math.min(frames, room);
        int chunkFrames = buffer.capacity() / WavHeader.BYTES_PER_FRAME;
        for (int done = 0; done < fitting; done += chunkFrames) {
            int count = Math.min(chunkFrames, fitting - done);
            buffer.clear();
            buffer.asShortBuffer().put(samples, 2 * (from + done), 2 * count);
            buffer.limit(count * WavHeader.BYTES_PER_FRAME);
            writeFully(buffer);
            dataBytes += buffer.limit();
        }
        if (dataBytes - checkpointedBytes >= (long) CHECKPOINT_SECONDS * sampleRate * WavHeader.BYTES_PER_FRAME) {
            writeSizes();
        }
        if (fitting < frames) {
            throw new IOException("the file reached the WAV format's size limit of " + maxDataBytes
                    + " bytes of audio");
        }
    }

    /** Makes the header's sizes match the audio written so far. */
    void writeSizes() throws IOException {
        writeField(WavHeader.RIFF_SIZE_OFFSET, WavHeader.riffSize(dataBytes));
        writeField(WavHeader.DATA_SIZE_OFFSET, WavHeader.dataSize(dataBytes));
        checkpointedBytes = dataBytes;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void writeHeader() throws IOException {
        ByteBuffer header = WavHeader.of(sampleRate, 0);
        while (header.hasRemaining()) {
            channel.write(header);
        }
    }

    private void writeField(long offset, int value) throws IOException {
        sizeField.clear();
        sizeField.putInt(value).flip();
        while (sizeField.hasRemaining()) {
            channel.write(sizeField, offset + sizeField.position());
        }
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
