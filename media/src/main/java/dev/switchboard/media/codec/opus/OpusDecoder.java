package dev.switchboard.media.codec.opus;

import dev.switchboard.media.MediaException;
import java.lang.ref.Reference;
import java.util.Objects;
import org.jitsi.impl.neomedia.codec.audio.opus.Opus;

/**
 * Decodes one call's incoming Opus packets to mono 16-bit PCM at a rate of our choosing, conceals lost frames
 * (PLC), and recovers a lost frame from the in-band FEC copy in the packet after it.
 *
 * <p>Whatever rate the sender coded at, libopus decodes straight to this decoder's rate (RFC 6716 §2: the decoder
 * can output any of the five rates for any packet), so picking the agent's input rate needs no resampler.
 *
 * <p>Native safety: libjitsi's binding checks no bounds, so every offset and length is checked here before a call
 * crosses into C, and libopus only ever writes into this decoder's own buffer, sized for the longest packet (120 ms).
 * A malformed payload is an {@link OpusPacketException}, never a crash, and leaves the decoder usable.
 *
 * <p>Lifecycle and threading as {@link OpusEncoder}: one per call, on its event loop; {@link #close()} idempotent;
 * using it after close throws {@link IllegalStateException}.
 */
public final class OpusDecoder implements AutoCloseable {

    /** The longest Opus packet lasts 120 ms (RFC 6716 §3.2.5). */
    private static final int MAX_PACKET_MILLIS = 120;

    private final int sampleRate;
    private final NativeState state;
    private final int maxFrameSamples;
    private final byte[] pcmBytes;

    private OpusDecoder(int sampleRate, NativeState state) {
        this.sampleRate = sampleRate;
        this.state = state;
        this.maxFrameSamples = sampleRate / 1000 * MAX_PACKET_MILLIS;
        this.pcmBytes = new byte[2 * maxFrameSamples];
    }

    /**
     * Creates a mono libopus decoder producing {@code sampleRate} Hz.
     *
     * @param sampleRate 8000, 12000, 16000, 24000 or 48000: normally the agent's input rate
     * @throws MediaException when Opus is unavailable
     */
    public static OpusDecoder open(int sampleRate) {
        if (!OpusEncoderSettings.SAMPLE_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("Opus decodes to 8000, 12000, 16000, 24000 or 48000 Hz, not "
                    + sampleRate);
        }
        OpusLibrary.requireAvailable();
        long pointer = Opus.decoder_create(sampleRate, 1);
        if (pointer == 0) {
            throw new MediaException("libopus could not create a decoder at " + sampleRate + " Hz");
        }
        return new OpusDecoder(sampleRate, new NativeState(pointer, Opus::decoder_destroy, "Opus decoder"));
    }

    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Decodes the packet in {@code length} bytes of {@code packet} from {@code offset} into {@code out} from
     * {@code outOffset}.
     *
     * @return samples written: the packet's duration at this decoder's rate
     * @throws OpusPacketException when the payload is empty or malformed; conceal the frame instead
     * @throws IndexOutOfBoundsException when the ranges do not fit the arrays, or {@code out} has no room for the
     *         packet's samples (up to 120 ms)
     */
    public int decode(byte[] packet, int offset, int length, short[] out, int outOffset) throws OpusPacketException {
        Objects.checkFromIndexSize(offset, length, packet.length);
        if (length == 0) {
            // libopus would take an empty packet as a loss and conceal; an empty RTP payload is malformed.
            throw new OpusPacketException("empty Opus payload: a packet has at least its TOC byte (RFC 6716 §3.1)");
        }
        int samples = packetSamples(packet, offset, length);
        Objects.checkFromIndexSize(outOffset, samples, out.length);
        return produced(run(packet, offset, length, samples, false, out, outOffset), length);
    }

    /**
     * Packet loss concealment: {@code samples} of audio continuing what was decoded last, fading towards silence
     * over a longer loss.
     *
     * @param samples the missing duration: a multiple of 2.5 ms up to 120 ms at this decoder's rate (RTP timestamp
     *                units × rate / 48000)
     */
    public int decodeLost(int samples, short[] out, int outOffset) {
        checkLostSamples(samples);
        Objects.checkFromIndexSize(outOffset, samples, out.length);
        int decoded = run(null, 0, 0, samples, false, out, outOffset);
        if (decoded < 0) {
            throw new MediaException("libopus failed to conceal " + samples + " samples: "
                    + OpusLibrary.errorName(decoded));
        }
        return decoded;
    }

    /**
     * Recovers the frame lost just before {@code nextPacket} from the FEC copy it carries (libopus
     * {@code decode_fec=1}). Where the next packet carries no copy, libopus conceals instead, so this never does
     * worse than {@link #decodeLost}. When the gap is longer than {@code nextPacket}'s frame, the start of the gap
     * is concealed and only its last frame recovered. Decode {@code nextPacket} itself with {@link #decode}
     * afterwards.
     *
     * @param samples the missing duration, as for {@link #decodeLost}
     * @throws OpusPacketException when {@code nextPacket} is empty or malformed; fall back to {@link #decodeLost}
     */
    public int decodeFec(byte[] nextPacket, int offset, int length, int samples, short[] out, int outOffset)
            throws OpusPacketException {
        Objects.checkFromIndexSize(offset, length, nextPacket.length);
        checkLostSamples(samples);
        Objects.checkFromIndexSize(outOffset, samples, out.length);
        if (length == 0) {
            throw new OpusPacketException("empty Opus payload: no FEC to recover from");
        }
        packetSamples(nextPacket, offset, length);
        return produced(run(nextPacket, offset, length, samples, true, out, outOffset), length);
    }

    /** Frees the native decoder. Idempotent. */
    @Override
    public void close() {
        state.close();
    }

    /** The packet's duration at this decoder's rate, from its TOC byte and frame count (RFC 6716 §3.1–3.2). */
    private int packetSamples(byte[] packet, int offset, int length) throws OpusPacketException {
        int samples;
        try {
            samples = Opus.decoder_get_nb_samples(state.pointer(), packet, offset, length);
        } finally {
            Reference.reachabilityFence(state);
        }
        if (samples < 0 || samples > maxFrameSamples) {
            throw malformed(samples, length);
        }
        return samples;
    }

    /**
     * One {@code opus_decode} of at most {@code frameSamples} into this decoder's own buffer, then into {@code out};
     * callers have checked every bound. Returns the samples decoded or libopus's negative error code.
     */
    private int run(byte[] packet, int offset, int length, int frameSamples, boolean fec, short[] out, int outOffset) {
        int decoded;
        try {
            decoded = Opus.decode(state.pointer(), packet, offset, length, pcmBytes, 0, frameSamples, fec ? 1 : 0);
        } finally {
            Reference.reachabilityFence(state);
        }
        if (decoded > 0) {
            NativePcm.toSamples(pcmBytes, decoded, out, outOffset);
        }
        return decoded;
    }

    private static int produced(int decoded, int length) throws OpusPacketException {
        if (decoded < 0) {
            throw malformed(decoded, length);
        }
        return decoded;
    }

    private void checkLostSamples(int samples) {
        int quantum = sampleRate / 400;
        if (samples <= 0 || samples > maxFrameSamples || samples % quantum != 0) {
            throw new IllegalArgumentException("a lost duration is a multiple of 2.5 ms up to 120 ms ("
                    + quantum + "-" + maxFrameSamples + " samples at " + sampleRate + " Hz), not " + samples);
        }
    }

    private static OpusPacketException malformed(int code, int length) {
        String why = code < 0 ? OpusLibrary.errorName(code) : "lasts more than 120 ms";
        return new OpusPacketException("malformed Opus packet of " + length + " bytes: " + why);
    }
}
