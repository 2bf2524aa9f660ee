package dev.switchboard.media.codec.opus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lost, late and broken packets: concealment, FEC recovery, and malformed input that must never crash. */
class OpusLossTest {

    private static final int RATE = 24_000;
    private static final int FRAME = 480;
    /** Frames louder than this (about -30 dBFS) count as speech when picking frames to lose. */
    private static final double SPEECH_RMS = 1_000;

    private final short[] speech = Signals.speech24k();
    private final int frames = speech.length / FRAME;

    @Test
    void concealmentOfOneLostFrameIsNeitherSilentNorLouderThanTheSpeech() throws OpusPacketException {
        byte[][] packets = encode(OpusEncoderSettings.voice(RATE));
        short[] reference = decode(packets, -1, false);
        int tested = 0;
        for (int lost = 3; lost < frames - 1; lost++) {
            double level = Signals.rms(reference, lost * FRAME, FRAME);
            if (level < SPEECH_RMS) {
                continue;
            }
            double concealed = Signals.rms(decode(packets, lost, false), lost * FRAME, FRAME);
            // Measured 0.15–1.9 times the lossless frame's level: PLC continues the voice, then fades.
            assertTrue(concealed > 0.1 * level && concealed < 2.5 * level,
                    "frame " + lost + ": concealed RMS " + concealed + " against " + level);
            tested++;
        }
        assertTrue(tested > 40, "only " + tested + " speech frames");
    }

    @Test
    void fecRecoversLostFramesFarBetterThanConcealment() throws OpusPacketException {
        byte[][] packets = encode(OpusEncoderSettings.voice(RATE));
        short[] reference = decode(packets, -1, false);
        double plcSnr = 0;
        double fecSnr = 0;
        int tested = 0;
        int fecBetter = 0;
        for (int lost = 3; lost < frames - 1; lost++) {
            if (Signals.rms(reference, lost * FRAME, FRAME) < SPEECH_RMS) {
                continue;
            }
            double plc = Signals.snrDb(reference, decode(packets, lost, false), lost * FRAME, FRAME);
            double fec = Signals.snrDb(reference, decode(packets, lost, true), lost * FRAME, FRAME);
            plcSnr += plc;
            fecSnr += fec;
            fecBetter += fec > plc ? 1 : 0;
            tested++;
        }
        plcSnr /= tested;
        fecSnr /= tested;
        // Measured at 24 kbit/s, 10 % expected loss: PLC 0.5 dB, FEC 10.0 dB, FEC better on 59 of 60 frames.
        assertTrue(fecSnr > plcSnr + 6, "FEC " + fecSnr + " dB against PLC " + plcSnr + " dB");
        assertTrue(fecBetter >= 0.9 * tested, "FEC better on only " + fecBetter + " of " + tested + " frames");
    }

    @Test
    void withoutFecInTheNextPacketRecoveryIsExactlyConcealment() throws OpusPacketException {
        OpusEncoderSettings noFec = new OpusEncoderSettings(RATE, 20, 24_000, 5, false, 0, false, false, 48_000);
        byte[][] packets = encode(noFec);
        int lost = frames / 2;
        short[] concealed = decode(packets, lost, false);
        short[] recovered = decode(packets, lost, true);
        assertArrayEquals(concealed, recovered);
    }

    @Test
    void structurallyInvalidPacketsAreReportedAndTheDecoderCarriesOn() throws OpusPacketException {
        byte[][] invalid = {
            {},                          // no TOC byte (R1)
            {0x01, 0x00},                // code 1: two equal frames need an even length (R3)
            {0x02, (byte) 0xFB},         // code 2: first frame longer than the packet (R4)
            {0x03, 0x00},                // code 3: zero frames (R5)
            {0x1B, 0x03},                // code 3: three 60 ms frames, over 120 ms (R5)
        };
        byte[] good = encode(OpusEncoderSettings.voice(RATE))[10];
        short[] out = new short[5760];
        try (OpusDecoder decoder = OpusDecoder.open(RATE)) {
            for (byte[] packet : invalid) {
                OpusPacketException e = assertThrows(OpusPacketException.class,
                        () -> decoder.decode(packet, 0, packet.length, out, 0));
                assertTrue(e.getMessage().contains(packet.length + " bytes") || packet.length == 0, e.getMessage());
                assertThrows(OpusPacketException.class,
                        () -> decoder.decodeFec(packet, 0, packet.length, FRAME, out, 0));
            }
            assertEquals(FRAME, decoder.decode(good, 0, good.length, out, 0));
        }
    }

    /** Random payloads, as from a confused or hostile peer: each decodes or is reported, and the JVM lives. */
    @Test
    void randomBytesNeverCrashTheDecoder() {
        Random random = new Random(7587);
        short[] out = new short[5760];
        int reported = 0;
        try (OpusDecoder decoder = OpusDecoder.open(RATE)) {
            for (int i = 0; i < 20_000; i++) {
                byte[] packet = new byte[1 + random.nextInt(400)];
                random.nextBytes(packet);
                try {
                    int samples = decoder.decode(packet, 0, packet.length, out, 0);
                    assertTrue(samples > 0 && samples <= 2_880, samples + " samples");
                } catch (OpusPacketException e) {
                    reported++;
                }
            }
            assertEquals(FRAME, decoder.decodeLost(FRAME, out, 0));
        }
        assertTrue(reported > 1_000, "only " + reported + " of 20000 random packets were malformed");
    }

    @Test
    void boundsAreCheckedBeforeAnythingReachesNativeCode() {
        byte[] packet = encode(OpusEncoderSettings.voice(RATE))[10];
        try (OpusDecoder decoder = OpusDecoder.open(RATE)) {
            short[] out = new short[FRAME];
            assertThrows(IndexOutOfBoundsException.class, () -> decoder.decode(packet, 1, packet.length, out, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> decoder.decode(packet, -1, 2, out, 0));
            assertThrows(IndexOutOfBoundsException.class,
                    () -> decoder.decode(packet, 0, packet.length, new short[FRAME - 1], 0));
            assertThrows(IndexOutOfBoundsException.class, () -> decoder.decode(packet, 0, packet.length, out, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> decoder.decodeLost(FRAME, out, 1));
            assertThrows(IllegalArgumentException.class, () -> decoder.decodeLost(100, out, 0));
            assertThrows(IllegalArgumentException.class, () -> decoder.decodeLost(0, out, 0));
            assertThrows(IllegalArgumentException.class, () -> decoder.decodeLost(2_940, new short[3_000], 0));
        }
    }

    private byte[][] encode(OpusEncoderSettings settings) {
        byte[][] packets = new byte[frames][];
        try (OpusEncoder encoder = OpusEncoder.open(settings)) {
            for (int f = 0; f < frames; f++) {
                packets[f] = encoder.encode(speech, f * FRAME, FRAME);
            }
        }
        return packets;
    }

    /** Decodes every packet, except that frame {@code lost} (if ≥ 0) is concealed or recovered from FEC. */
    private short[] decode(byte[][] packets, int lost, boolean fec) throws OpusPacketException {
        short[] out = new short[frames * FRAME];
        try (OpusDecoder decoder = OpusDecoder.open(RATE)) {
            for (int f = 0; f < frames; f++) {
                int produced;
                if (f != lost) {
                    produced = decoder.decode(packets[f], 0, packets[f].length, out, f * FRAME);
                } else if (fec) {
                    byte[] next = packets[f + 1];
                    produced = decoder.decodeFec(next, 0, next.length, FRAME, out, f * FRAME);
                } else {
                    produced = decoder.decodeLost(FRAME, out, f * FRAME);
                }
                assertEquals(FRAME, produced);
            }
        }
        return out;
    }
}
