package dev.switchboard.media.codec;

import java.util.Objects;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * ITU-T G.711 companding of 16-bit linear PCM to 8-bit μ-law (PCMU) and A-law (PCMA) characters.
 *
 * <p>Bit-exact with the ITU-T G.191 Software Tools Library on 16-bit input: μ-law quantises the 14 most
 * significant bits of the sample and A-law the 13 most significant bits (G.711 Tables 1 and 2). A negative sample
 * is turned into a magnitude with the one's complement ({@code ~x}), not the negation, so that truncating to
 * 14 or 13 bits is the same operation on both polarities; {@code -x} would move some negative samples into
 * the next quantisation interval. Expansion returns the interval's reconstruction value (G.711 Tables 1 and 2)
 * left-justified into 16 bits.
 *
 * <p>Both directions are table lookups built once per law at class initialisation (a 65536-entry encode
 * table and a 256-entry decode table), so the block methods neither branch nor allocate.
 */
public enum G711 {
    /** G.711 μ-law, RTP static payload type 0, SDP encoding name PCMU (RFC 3551 §4.5.14). */
    MU_LAW(0, "PCMU", G711::compressMuLaw, G711::expandMuLaw),
    /** G.711 A-law, RTP static payload type 8, SDP encoding name PCMA (RFC 3551 §4.5.14). */
    A_LAW(8, "PCMA", G711::compressALaw, G711::expandALaw);

    /** Added to the 13-bit μ-law magnitude so that segment s starts at 32·2^s, the position of the leading one. */
    private static final int MU_LAW_BIAS = 33;
    /** Largest biased 14-bit μ-law magnitude; anything above lands in the top (overload) interval. */
    private static final int MU_LAW_MAX_BIASED = 0x1FFF;

    private final int rtpPayloadType;
    private final String sdpName;
    private final byte[] encodeTable = new byte[1 << 16];
    private final short[] decodeTable = new short[1 << 8];

    G711(int rtpPayloadType, String sdpName, IntUnaryOperator compress, IntUnaryOperator expand) {
        this.rtpPayloadType = rtpPayloadType;
        this.sdpName = sdpName;
        for (int linear = Short.MIN_VALUE; linear <= Short.MAX_VALUE; linear++) {
            encodeTable[linear & 0xFFFF] = (byte) compress.applyAsInt(linear);
        }
        for (int code = 0; code < decodeTable.length; code++) {
            decodeTable[code] = (short) expand.applyAsInt(code);
        }
    }

    /** The law carried by a static RTP payload type: 0 is μ-law, 8 is A-law (RFC 3551 Table 4). */
    public static Optional<G711> forRtpPayloadType(int payloadType) {
        return switch (payloadType) {
            case 0 -> Optional.of(MU_LAW);
            case 8 -> Optional.of(A_LAW);
            default -> Optional.empty();
        };
    }

    /** Static RTP payload type of this law (RFC 3551 Table 4). */
    public int rtpPayloadType() {
        return rtpPayloadType;
    }

    /** SDP encoding name, as in {@code a=rtpmap:0 PCMU/8000}. */
    public String sdpName() {
        return sdpName;
    }

    /** The character for digital silence: 0xFF for μ-law (positive zero), 0xD5 for A-law (smallest positive level). */
    public byte silence() {
        return encode((short) 0);
    }

    /** Compresses one 16-bit linear sample to a G.711 character. */
    public byte encode(short linear) {
        return encodeTable[linear & 0xFFFF];
    }

    /** Expands one G.711 character to its 16-bit left-justified reconstruction value. */
    public short decode(byte code) {
        return decodeTable[code & 0xFF];
    }

    /** Compresses {@code length} samples of {@code pcm} from {@code offset} into {@code out} from {@code outOffset}. */
    public void encode(short[] pcm, int offset, int length, byte[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = encodeTable[pcm[offset + i] & 0xFFFF];
        }
    }

    /** Expands {@code length} characters of {@code codes} from {@code offset} into {@code out} at {@code outOffset}. */
    public void decode(byte[] codes, int offset, int length, short[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, length, codes.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = decodeTable[codes[offset + i] & 0xFF];
        }
    }

    /**
     * μ-law segment s (0..7) holds biased 13-bit magnitudes [32·2^s, 64·2^s) in 16 steps of 2^(s+1); the character
     * is the polarity bit (1 = positive) followed by segment and step with bits 2 to 8 inverted.
     */
    private static int compressMuLaw(int linear) {
        int magnitude = (linear < 0 ? ~linear : linear) >> 2;
        int biased = Math.min(magnitude + MU_LAW_BIAS, MU_LAW_MAX_BIASED);
        int segment = highestBit(biased) - 5;
        int step = (biased >> (segment + 1)) & 0x0F;
        int polarity = linear < 0 ? 0x00 : 0x80;
        return polarity | (((segment << 4) | step) ^ 0x7F);
    }

    /** Reconstruction is the middle of the step, (2·step + 33)·2^segment − 33, in 14-bit units. */
    private static int expandMuLaw(int code) {
        int segmentAndStep = (code & 0x7F) ^ 0x7F;
        int segment = segmentAndStep >> 4;
        int step = segmentAndStep & 0x0F;
        int magnitude = (((2 * step + MU_LAW_BIAS) << segment) - MU_LAW_BIAS) << 2;
        return (code & 0x80) != 0 ? magnitude : -magnitude;
    }

    /**
     * A-law segments 0 and 1 both step by 2 over [0, 32) and [32, 64); segment s ≥ 1 holds 12-bit magnitudes
     * [16·2^s, 32·2^s) in steps of 2^s. The character is polarity (1 = positive), segment and step, with the even
     * bits inverted (XOR 0x55).
     */
    private static int compressALaw(int linear) {
        int magnitude = (linear < 0 ? ~linear : linear) >> 3;
        int segment = magnitude < 32 ? 0 : highestBit(magnitude) - 4;
        int step = (magnitude >> Math.max(segment, 1)) & 0x0F;
        int polarity = linear < 0 ? 0x00 : 0x80;
        return (polarity | (segment << 4) | step) ^ 0x55;
    }

    /** Reconstruction is the middle of the step: 2·step + 1 in segment 0, (16 + step)·2^s + 2^(s−1) above. */
    private static int expandALaw(int code) {
        int character = code ^ 0x55;
        int segment = (character >> 4) & 0x07;
        int step = character & 0x0F;
        int magnitude = segment == 0 ? 2 * step + 1 : ((16 + step) << segment) + (1 << (segment - 1));
        magnitude <<= 3;
        return (character & 0x80) != 0 ? magnitude : -magnitude;
    }

    private static int highestBit(int positive) {
        return 31 - Integer.numberOfLeadingZeros(positive);
    }
}
