package dev.switchboard.media.codec;

/**
 * Facts about ITU-T G.722 (7 kHz wideband audio in 64 kbit/s) as carried over RTP; the codec itself is
 * {@link G722Encoder} and {@link G722Decoder}.
 *
 * <p>G.722 codes 16 kHz audio into one 8-bit codeword per pair of samples: 6 bits of lower sub-band (0–4 kHz)
 * ADPCM and 2 bits of higher sub-band (4–8 kHz) ADPCM, so 20 ms is 320 samples and 160 bytes. Over RTP it is
 * static payload type 9 whose RTP clock runs at 8000 Hz although the audio is sampled at 16 kHz, an error in the
 * original RFC 1890 kept for compatibility (RFC 3551 §4.5.2): the RTP timestamp advances by one per codeword, 160
 * per 20 ms packet, and SDP says {@code a=rtpmap:9 G722/8000}.
 */
public final class G722 {

    /** Static RTP payload type (RFC 3551 Table 4). */
    public static final int RTP_PAYLOAD_TYPE = 9;
    /** SDP encoding name, as in {@code a=rtpmap:9 G722/8000}. */
    public static final String SDP_NAME = "G722";
    /** RTP timestamp rate; one tick per codeword, half the audio sampling rate (RFC 3551 §4.5.2). */
    public static final int RTP_CLOCK_RATE = 8_000;
    /** Audio sampling rate at the encoder input and decoder output. */
    public static final int SAMPLE_RATE = 16_000;
    /** Audio samples per 8-bit codeword. */
    public static final int SAMPLES_PER_BYTE = 2;

    private G722() {
    }
}
