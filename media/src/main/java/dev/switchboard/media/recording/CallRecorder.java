package dev.switchboard.media.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The call's side of a recording: its event loop hands over the caller's audio and the agent's as they happen,
 * each chunk stamped with its position on the call's media timeline, and the {@link Recorder}'s writer thread
 * turns them into a stereo WAV file, caller left, agent right.
 *
 * <p>Handing over copies the samples into a chunk preallocated for this call and publishes it to the writer; it
 * never blocks, never allocates, and never throws for anything the file system does. When the writer has fallen
 * a whole ring behind (a slow or full disk), the chunk is dropped and counted, and the file is silent there.
 * When the file cannot be written at all, the writer says so once in the log and this recorder stops copying.
 *
 * <p>Positions are sample indexes at the recording's rate on one timeline shared by both sides, e.g. the call's
 * 20 ms tick count times the samples per tick; a sample lands in the file at frame
 * {@code position - startPosition}, whatever came before, so the sides cannot drift apart. A side that sends
 * nothing for a while (the agent between turns) is simply silent there.
 *
 * <p>Threading: {@link #caller}, {@link #agent} and {@link #close} belong to the call's event loop.
 */
public final class CallRecorder {

    private final RecordingSettings settings;
    private final RecordedCall call;
    private final Instant started;
    private final long startPosition;
    private final ChunkRing ring;
    private final CompletableFuture<RecordingResult> finished = new CompletableFuture<>();
    private volatile boolean closed;
    /** Set by the writer when there is no file to write to: the loop stops copying audio nobody will keep. */
    private volatile boolean abandoned;
    /** Written by the loop only, read by the writer once it has seen {@link #closed}. */
    private long droppedChunks;
    private long endPosition;

    CallRecorder(RecordingSettings settings, RecordedCall call, Instant started, long startPosition, int slots) {
        this.settings = settings;
        this.call = call;
        this.started = started;
        this.startPosition = startPosition;
        this.endPosition = startPosition;
        this.ring = new ChunkRing(slots, settings.samplesPerChunk());
    }

    /**
     * Hands over the caller's audio: {@code length} samples of {@code pcm} from {@code offset}, the first at
     * timeline {@code position}. The array is not kept.
     *
     * @throws IndexOutOfBoundsException if the range lies outside {@code pcm} (nothing is handed over then)
     */
    public void caller(long position, short[] pcm, int offset, int length) {
        handOver(ChunkRing.Side.CALLER, position, pcm, offset, length);
    }

    /** Hands over audio the agent sent to the caller; as {@link #caller}. */
    public void agent(long position, short[] pcm, int offset, int length) {
        handOver(ChunkRing.Side.AGENT, position, pcm, offset, length);
    }

    /**
     * Ends the recording: the writer writes what it still holds, makes the header's sizes final, closes the file
     * and completes {@link #finished()}. Audio handed over afterwards is ignored. Idempotent.
     */
    public void close() {
        closed = true;
    }

    /**
     * Completes on the writer thread when the file is final, or when recording failed; dependents must not block
     * it. Never completes exceptionally: a failure is described in the result.
     */
    public CompletableFuture<RecordingResult> finished() {
        return finished;
    }

    /**
     * Chunks dropped so far because the writer had fallen behind. For the call's loop; the writer reads it once it
     * has seen the recorder closed.
     */
    public long droppedChunks() {
        return droppedChunks;
    }

    private void handOver(ChunkRing.Side side, long position, short[] pcm, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        if (closed || abandoned) {
            return;
        }
        endPosition = Math.max(endPosition, position + length);
        int capacity = ring.chunkCapacity();
        for (int done = 0; done < length; done += capacity) {
            int count = Math.min(capacity, length - done);
            ChunkRing.Chunk chunk = ring.claim();
            if (chunk == null) {
                droppedChunks++;
                continue;
            }
            chunk.side = side;
            chunk.position = position + done;
            chunk.length = count;
            System.arraycopy(pcm, offset + done, chunk.samples, 0, count);
            ring.publish();
        }
    }

    RecordingSettings settings() {
        return settings;
    }

    RecordedCall call() {
        return call;
    }

    Instant started() {
        return started;
    }

    long startPosition() {
        return startPosition;
    }

    ChunkRing ring() {
        return ring;
    }

    boolean isClosed() {
        return closed;
    }

    /** The writer gives up on this call; the loop stops handing over. */
    void abandon() {
        abandoned = true;
    }

    /** One past the last position handed over, dropped chunks included; valid once {@link #isClosed()}. */
    long endPosition() {
        return endPosition;
    }

    void finish(RecordingResult result) {
        finished.complete(result);
    }
}
