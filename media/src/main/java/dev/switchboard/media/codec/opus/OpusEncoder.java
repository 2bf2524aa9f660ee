package dev.switchboard.media.codec.opus;

import dev.switchboard.media.MediaException;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongToIntFunction;
import org.jitsi.impl.neomedia.codec.audio.opus.Opus;

/**
 * Encodes one call's outgoing voice to Opus packets, one frame at a time (mono, application VOIP).
 *
 * <p>Lifecycle: {@link #open} per call, {@link #close()} when the call ends. Closing twice is harmless; an encoder
 * dropped without closing is freed by a cleaner, late; using a closed encoder throws {@link IllegalStateException}.
 *
 * <p>Threading: confined to the call's event loop. Encoding allocates nothing unless the {@code byte[]}-returning
 * variant is used.
 */
public final class OpusEncoder implements AutoCloseable {

    /**
     * Largest packet produced: a 1275-byte frame and its TOC byte (RFC 6716 §3.2.1), which fits any Ethernet
     * datagram. libopus lowers a frame's bitrate to fit rather than fail.
     */
    public static final int MAX_PACKET_BYTES = Opus.MAX_PACKET;
    /** libopus says a packet of 2 bytes or less need not be sent: the frame is DTX silence. */
    private static final int DTX_PACKET_BYTES = 2;

    private final OpusEncoderSettings settings;
    private final NativeState state;
    private final int rateQuantum;
    private final byte[] pcmBytes;
    private final byte[] packet = new byte[MAX_PACKET_BYTES];

    private OpusEncoder(OpusEncoderSettings settings, NativeState state) {
        this.settings = settings;
        this.state = state;
        this.rateQuantum = settings.sampleRate() / 400;
        this.pcmBytes = new byte[2 * settings.sampleRate() / 1000 * 60];
    }

    /**
     * Creates a libopus encoder configured with {@code settings}.
     *
     * @throws dev.switchboard.media.MediaException when Opus is unavailable or libopus refuses a setting
     */
    public static OpusEncoder open(OpusEncoderSettings settings) {
        OpusLibrary.requireAvailable();
        long pointer = Opus.encoder_create(settings.sampleRate(), 1);
        if (pointer == 0) {
            throw new MediaException("libopus could not create an encoder at " + settings.sampleRate() + " Hz");
        }
        OpusEncoder encoder = new OpusEncoder(settings, new NativeState(pointer, Opus::encoder_destroy, "Opus encoder"));
        try {
            encoder.configure();
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
        return encoder;
    }

    public OpusEncoderSettings settings() {
        return settings;
    }

    /**
     * Encodes {@code frameSamples} samples of {@code pcm} from {@code offset} into {@code out} from
     * {@code outOffset}, using at most {@link #MAX_PACKET_BYTES} or what is left of {@code out}.
     *
     * @param frameSamples 2.5, 5, 10, 20, 40 or 60 ms at the encoder's rate; normally
     *                     {@link OpusEncoderSettings#frameSamples()}
     * @return the packet's length, or 0 when DTX decided the frame need not be sent
     * @throws IllegalArgumentException when {@code frameSamples} is no Opus frame duration
     * @throws IndexOutOfBoundsException when the frame runs past {@code pcm}, or {@code outOffset} is not in
     *         {@code out}
     */
    public int encode(short[] pcm, int offset, int frameSamples, byte[] out, int outOffset) {
        checkFrameSamples(frameSamples);
        Objects.checkFromIndexSize(offset, frameSamples, pcm.length);
        Objects.checkIndex(outOffset, out.length);
        NativePcm.toBytes(pcm, offset, frameSamples, pcmBytes);
        int capacity = Math.min(out.length - outOffset, MAX_PACKET_BYTES);
        int length;
        try {
            length = Opus.encode(state.pointer(), pcmBytes, 0, frameSamples, out, outOffset, capacity);
        } finally {
            Reference.reachabilityFence(state);
        }
        if (length < 0) {
            throw new IllegalArgumentException("libopus could not encode " + frameSamples + " samples into "
                    + capacity + " bytes: " + OpusLibrary.errorName(length));
        }
        return settings.dtx() && length <= DTX_PACKET_BYTES ? 0 : length;
    }

    /** {@link #encode(short[], int, int, byte[], int)} into a new array of the packet's length (empty for DTX). */
    public byte[] encode(short[] pcm, int offset, int frameSamples) {
        int length = encode(pcm, offset, frameSamples, packet, 0);
        return Arrays.copyOf(packet, length);
    }

    /** Follows the loss the receiver reports (RTCP fraction lost), 0–100: it steers how much FEC is sent. */
    public void setPacketLossPercent(int percent) {
        OpusEncoderSettings.checkRange("packet loss percent", percent, 0, 100);
        control("packet loss percent " + percent, pointer -> Opus.encoder_set_packet_loss_perc(pointer, percent));
    }

    /** Changes the target bitrate mid-call, 6000–510000 bit/s, e.g. for a new maxaveragebitrate. */
    public void setBitrate(int bitsPerSecond) {
        OpusEncoderSettings.checkRange("bitrate", bitsPerSecond, 6_000, 510_000);
        control("bitrate " + bitsPerSecond, pointer -> Opus.encoder_set_bitrate(pointer, bitsPerSecond));
    }

    /** Frees the native encoder. Idempotent. */
    @Override
    public void close() {
        state.close();
    }

    private void configure() {
        control("bitrate", pointer -> Opus.encoder_set_bitrate(pointer, settings.bitrate()));
        control("complexity", pointer -> Opus.encoder_set_complexity(pointer, settings.complexity()));
        control("in-band FEC", pointer -> Opus.encoder_set_inband_fec(pointer, settings.inbandFec() ? 1 : 0));
        control("packet loss", pointer -> Opus.encoder_set_packet_loss_perc(pointer, settings.packetLossPercent()));
        control("DTX", pointer -> Opus.encoder_set_dtx(pointer, settings.dtx() ? 1 : 0));
        control("VBR", pointer -> Opus.encoder_set_vbr(pointer, settings.cbr() ? 0 : 1));
        control("max bandwidth",
                pointer -> Opus.encoder_set_max_bandwidth(pointer, maxBandwidth(settings.maxPlaybackRate())));
    }

    /**
     * The widest Opus audio bandwidth (RFC 6716 §2, Table 1) a receiver playing at {@code maxPlaybackRate} can
     * render: the RFC 7587 §6.1 mapping of maxplaybackrate to NB, MB, WB, SWB or FB.
     */
    static int maxBandwidth(int maxPlaybackRate) {
        if (maxPlaybackRate <= 8_000) {
            return Opus.BANDWIDTH_NARROWBAND;
        } else if (maxPlaybackRate <= 12_000) {
            return Opus.BANDWIDTH_MEDIUMBAND;
        } else if (maxPlaybackRate <= 16_000) {
            return Opus.BANDWIDTH_WIDEBAND;
        } else if (maxPlaybackRate <= 24_000) {
            return Opus.BANDWIDTH_SUPERWIDEBAND;
        }
        return Opus.BANDWIDTH_FULLBAND;
    }

    /** Opus frames last 2.5, 5, 10, 20, 40 or 60 ms (RFC 6716 §2.1.4). */
    private void checkFrameSamples(int frameSamples) {
        int quanta = frameSamples / rateQuantum;
        boolean valid = frameSamples % rateQuantum == 0
                && (quanta == 1 || quanta == 2 || quanta == 4 || quanta == 8 || quanta == 16 || quanta == 24);
        if (!valid) {
            throw new IllegalArgumentException(frameSamples + " samples at " + settings.sampleRate()
                    + " Hz is not an Opus frame (2.5, 5, 10, 20, 40 or 60 ms)");
        }
    }

    /** Runs one {@code opus_encoder_ctl} setter, which returns OPUS_OK or an error code. */
    private void control(String what, LongToIntFunction setter) {
        int result;
        try {
            result = setter.applyAsInt(state.pointer());
        } finally {
            Reference.reachabilityFence(state);
        }
        if (result != 0) {
            throw new MediaException("libopus refused the encoder's " + what + ": " + OpusLibrary.errorName(result));
        }
    }
}
