package dev.switchboard.media.codec;

/**
 * The constants of ITU-T G.722 (the SB-ADPCM blocks and the QMF), with the Recommendation's names, plus lookup
 * tables derived from them once so that the per-sample blocks index by codeword instead of decoding sign and
 * magnitude each time. Quantiser levels are in the Recommendation's units; the blocks scale them by 8
 * ({@code << 3}) before multiplying by the Q15 scale factor, as G.722 does.
 */
final class G722Tables {

    /**
     * QMF coefficients h0..h23, shared by the transmit and receive filters, times 2^13 (so they sum to 8192).
     * The filter is linear phase: h(i) = h(23 - i).
     */
    static final int[] QMF = {
        3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876,
        3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3};

    /** Q6: decision levels of the 6-bit quantiser (QUANTL); interval m is [Q6(m-1), Q6(m)), and 30 is open. */
    static final int[] Q6 = {
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714, 786, 858, 940, 1023,
        1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919};

    /** Number of magnitude intervals of the 6-bit quantiser: MIL runs from 1 to 30. */
    static final int LOWER_INTERVALS = 30;

    /** Q2: the higher band's one decision level; {@code |e| >= Q2 * DETH} picks the outer interval (QUANTH). */
    static final int Q2 = 564;

    /** Upper bound of the lower-band log scale factor NBL (block LOGSCL). */
    static final int LOWER_LOG_SCALE_MAX = 18_432;
    /** Upper bound of the higher-band log scale factor NBH (block LOGSCH). */
    static final int HIGHER_LOG_SCALE_MAX = 22_528;
    /** Leakage of the log scale factors, 127/128 in Q15 (blocks LOGSCL, LOGSCH). */
    static final int LOG_SCALE_LEAK = 32_512;

    /** Scale factors after reset (G.722 reset: DETL and DETH). */
    static final int LOWER_INITIAL_SCALE = 32;
    static final int HIGHER_INITIAL_SCALE = 8;

    /** ILN and ILP: the 6-bit codeword for interval MIL (1..30) of a negative or a non-negative difference. */
    private static final int[] ILN = {
        0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
        18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4};
    private static final int[] ILP = {
        0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47,
        46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32};

    /** QQ6: 6-bit inverse quantiser output levels for intervals 1..30 (block INVQBL, mode 1). */
    private static final int[] QQ6 = {
        0, 17, 54, 91, 130, 170, 211, 254, 300, 347, 396, 447, 501, 558, 618, 682,
        750, 822, 899, 982, 1072, 1170, 1279, 1399, 1535, 1689, 1873, 2088, 2376, 2738, 3101};

    /** RIL4: magnitude index of the 4-bit codeword IL >> 2; codewords 0 to 7 are negative (block INVQAL). */
    private static final int[] RIL4 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
    /** QQ4: 4-bit inverse quantiser output levels (block INVQAL), the feedback path of both encoder and decoder. */
    private static final int[] QQ4 = {0, 150, 323, 530, 786, 1121, 1612, 2557};
    /** WL: log scale factor multipliers of the lower band, by 4-bit magnitude index (block LOGSCL). */
    private static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};

    /** IH2: magnitude index of the 2-bit higher-band codeword; codewords 0 and 1 are negative (block INVQAH). */
    private static final int[] IH2 = {2, 1, 2, 1};
    /** QQ2: 2-bit inverse quantiser output levels (block INVQAH). */
    private static final int[] QQ2 = {0, 202, 926};
    /** WH: log scale factor multipliers of the higher band (block LOGSCH). */
    private static final int[] WH = {0, -214, 798};

    /** ILB: the inverse log2 of the scale factor's fraction, close to 2048·2^(i/32) (blocks SCALEL, SCALEH). */
    private static final int[] ILB = {
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008};

    /** Signed 6-bit reconstruction level (QQ6 << 3) by lower-band codeword, 64 entries. */
    static final int[] LOWER_LEVEL_6 = lowerLevels6();
    /** Signed 4-bit reconstruction level (QQ4 << 3) by the codeword's top four bits. */
    static final int[] LOWER_LEVEL_4 = new int[16];
    /** Log scale factor step WL by the codeword's top four bits. */
    static final int[] LOWER_LOG_STEP = new int[16];
    /** Signed reconstruction level (QQ2 << 3) by higher-band codeword. */
    static final int[] HIGHER_LEVEL = new int[4];
    /** Log scale factor step WH by higher-band codeword. */
    static final int[] HIGHER_LOG_STEP = new int[4];

    static {
        for (int ril = 0; ril < 16; ril++) {
            int level = QQ4[RIL4[ril]] << 3;
            LOWER_LEVEL_4[ril] = ril < 8 ? -level : level;
            LOWER_LOG_STEP[ril] = WL[RIL4[ril]];
        }
        for (int code = 0; code < 4; code++) {
            int level = QQ2[IH2[code]] << 3;
            HIGHER_LEVEL[code] = code < 2 ? -level : level;
            HIGHER_LOG_STEP[code] = WH[IH2[code]];
        }
    }

    private G722Tables() {
    }

    /** The 6-bit codeword of interval {@code mil} (1..30) for a difference of the given sign (block QUANTL). */
    static int lowerCode(int mil, boolean negative) {
        return negative ? ILN[mil] : ILP[mil];
    }

    /** The 2-bit codeword of the inner (1) or outer (2) interval for a difference of the given sign (QUANTH). */
    static int higherCode(int mih, boolean negative) {
        return negative ? 2 - mih : 4 - mih;
    }

    /**
     * Blocks SCALEL and SCALEH: the linear scale factor (DETL, DETH) from its log2 form (NBPL, NBPH), which holds
     * the fraction in bits 6..10 and the integer part from bit 11. {@code exponentBias} is 8 in the lower band and
     * 10 in the higher band.
     */
    static int scaleFactor(int logScale, int exponentBias) {
        int fraction = ILB[(logScale >> 6) & 31];
        int shift = exponentBias - (logScale >> 11);
        int mantissa = shift >= 0 ? fraction >> shift : fraction << -shift;
        return mantissa << 2;
    }

    /**
     * Inverts QUANTL's codeword assignment. Codewords 0 to 3 are never produced by an encoder; G.722 (block INVQBL)
     * decodes them as the smallest negative level.
     */
    private static int[] lowerLevels6() {
        int[] levels = new int[64];
        for (int code = 0; code < 4; code++) {
            levels[code] = -(QQ6[1] << 3);
        }
        for (int mil = 1; mil <= LOWER_INTERVALS; mil++) {
            levels[ILN[mil]] = -(QQ6[mil] << 3);
            levels[ILP[mil]] = QQ6[mil] << 3;
        }
        return levels;
    }
}
