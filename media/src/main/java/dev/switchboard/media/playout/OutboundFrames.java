package dev.switchboard.media.playout;

import dev.switchboard.media.audio.Pcm16;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.voice.FrameEncoder;
import dev.switchboard.media.voice.VoiceCodec;

/**
 * The agent's side of the pacing tick: takes the next 20 ms from the playout buffer and makes the RTP payload,
 * G.711 codes as they were queued or PCM through the call's encoder.
 *
 * <p>Talkspurt edges are faded ({@link Fades}): audio that resumes after a tick with nothing to send ramps up,
 * audio that runs out part way through a frame ramps down, and a barge-in sends one last frame that ramps the
 * cut-off voice to silence within 5 ms instead of stopping it dead. A provider that streams just in time often
 * leaves the buffer empty at a frame's end with more on its way, so an empty buffer alone is no edge. An edge that is already quiet is left alone, so a G.711
 * voice passed through from the provider keeps its exact bytes everywhere but at a loud edge.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class OutboundFrames implements AutoCloseable {

    private final PlayoutBuffer buffer;
    /** The call's law when the buffer holds codes; {@code null} when it holds PCM for {@link #encoder}. */
    private final G711 law;
    private final FrameEncoder encoder;
    private final int frameSamples;
    private final int ramp;
    private final byte[] frame;
    private final short[] pcm;
    private final byte[] farewell;
    private int farewellLength;
    private int sentSamples;
    /** The last frame sent ended in audio that was not ramped down. */
    private boolean sounding;

    public OutboundFrames(VoiceCodec codec) {
        this.law = codec.law();
        this.encoder = law == null ? codec.newEncoder() : null;
        int rate = codec.encodedRate();
        this.frameSamples = rate / 50;
        this.buffer = law == null ? PlayoutBuffer.forPcm16(rate) : PlayoutBuffer.forCodes(law);
        this.frame = new byte[law == null ? frameSamples * 2 : frameSamples];
        this.pcm = new short[frameSamples];
        this.ramp = Fades.rampSamples(rate);
        this.farewell = new byte[law == null ? encoder.maxPayloadBytes() : frameSamples];
    }

    public PlayoutBuffer buffer() {
        return buffer;
    }

    /**
     * The payload for this tick, written to {@code out} (room for a frame's largest payload).
     *
     * @return its length; 0 when nothing is to be sent
     */
    public int next(byte[] out) {
        if (farewellLength > 0) {
            System.arraycopy(farewell, 0, out, 0, farewellLength);
            int length = farewellLength;
            farewellLength = 0;
            return length;
        }
        int polled = buffer.poll(frame);
        if (polled == 0) {
            sounding = false;
            sentSamples = 0;
            return 0;
        }
        int real = law == null ? polled / 2 : polled;
        toPcm();
        boolean edited = false;
        if (!sounding && Fades.loud(pcm[0])) {
            Fades.in(pcm, 0, Math.min(ramp, real));
            edited = true;
        }
        boolean ending = real < frameSamples;
        if (ending && Fades.loud(pcm[real - 1])) {
            Fades.out(pcm, real, ramp);
            edited = true;
        }
        sounding = !ending;
        sentSamples = frameSamples;
        return encode(out, edited);
    }

    /**
     * Barge-in: drops everything not yet sent and queues, for the next tick, the first few milliseconds of what
     * would have come next, ramped down to silence.
     *
     * @return how much of the cut item was heard, or {@code null} when nothing was cut
     */
    public PlaybackPosition cut() {
        int next = sounding ? buffer.peek(frame) : 0;
        PlaybackPosition position = buffer.flush();
        if (next > 0) {
            toPcm();
            int real = Math.min(ramp, law == null ? next / 2 : next);
            Fades.out(pcm, real, real);
            java.util.Arrays.fill(pcm, real, frameSamples, (short) 0);
            farewellLength = encode(farewell, true);
        }
        sounding = false;
        return position;
    }

    /**
     * Whether a {@link #cut} left a ramp-down frame that {@link #next} sends next: the last frame of the cut
     * talkspurt, so that what follows it starts a new one.
     */
    public boolean rampingDown() {
        return farewellLength > 0;
    }

    /** The PCM of the frame {@link #next} last sent (at the call's rate), for recording; empty when none. */
    public short[] sentPcm() {
        return pcm;
    }

    /** How many samples of {@link #sentPcm()} belong to the frame last sent: a frame, or 0 when none was. */
    public int sentSamples() {
        return sentSamples;
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
        }
    }

    private void toPcm() {
        if (law == null) {
            Pcm16.toSamples(frame, 0, frameSamples, pcm, 0);
        } else {
            law.decode(frame, 0, frameSamples, pcm, 0);
        }
    }

    private int encode(byte[] out, boolean edited) {
        if (law == null) {
            return encoder.encode(pcm, 0, out, 0);
        }
        if (edited) {
            law.encode(pcm, 0, frameSamples, out, 0);
        } else {
            System.arraycopy(frame, 0, out, 0, frameSamples);
        }
        return frameSamples;
    }
}
