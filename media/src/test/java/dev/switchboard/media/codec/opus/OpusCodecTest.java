package dev.switchboard.media.codec.opus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpusCodecTest {

    private static final int RATE = 24_000;
    private static final int FRAME = 480;
    /** libopus's encoder lookahead, 6.5 ms (2.5 ms CELT overlap + 4 ms SILK), at 24 kHz. */
    private static final int CODEC_DELAY = 156;

    private final short[] speech = Signals.speech24k();

    @Test
    void libraryLoadsOnThisPlatform() {
        assertTrue(OpusLibrary.isAvailable(), () -> OpusLibrary.unavailableReason().orElseThrow());
    }

    @Test
    void speechSurvivesARoundTripAtTheDefaultSettings() throws OpusPacketException {
        short[] decoded = new short[speech.length];
        int bytes = 0;
        try (OpusEncoder encoder = OpusEncoder.open(OpusEncoderSettings.voice(RATE));
                OpusDecoder decoder = OpusDecoder.open(RATE)) {
            for (int at = 0; at < speech.length; at += FRAME) {
                byte[] packet = encoder.encode(speech, at, FRAME);
                bytes += packet.length;
                assertEquals(FRAME, decoder.decode(packet, 0, packet.length, decoded, at));
            }
        }
        int delay = Signals.delay(speech, decoded, 600);
        assertTrue(Math.abs(delay - CODEC_DELAY) <= 3, "codec delay " + delay);
        // Measured 0.947 (SNR 9.9 dB) with libopus 1.5.2; a broken byte order or rate would be near 0.
        double correlation = Signals.correlation(speech, decoded, delay, 0, speech.length - delay);
        assertTrue(correlation >= 0.92, "correlation " + correlation);
        double kbps = bytes * 8.0 / (speech.length / (double) RATE) / 1000;
        assertTrue(kbps > 16 && kbps < 28, "average bitrate " + kbps + " kbit/s for a 24 kbit/s target");
    }

    /** The agent may listen at 16 kHz while the caller's side codes at any rate: the envelope must survive. */
    @Test
    void decodesStraightToSixteenKilohertz() throws OpusPacketException {
        int frame16 = 320;
        int frames = speech.length / FRAME;
        short[] decoded = new short[frames * frame16];
        try (OpusEncoder encoder = OpusEncoder.open(OpusEncoderSettings.voice(RATE));
                OpusDecoder decoder = OpusDecoder.open(16_000)) {
            for (int f = 0; f < frames; f++) {
                byte[] packet = encoder.encode(speech, f * FRAME, FRAME);
                assertEquals(frame16, decoder.decode(packet, 0, packet.length, decoded, f * frame16));
            }
        }
        double[] original = new double[frames - 1];
        double[] received = new double[frames - 1];
        for (int f = 0; f < frames - 1; f++) {
            original[f] = Signals.rms(speech, f * FRAME, FRAME);
            // The decoded frame f + 1 holds mostly frame f, behind 6.5 ms of codec delay.
            received[f] = Signals.rms(decoded, f * frame16 + 104, frame16);
        }
        double envelope = pearson(original, received);
        assertTrue(envelope > 0.95, "frame energy envelope correlation " + envelope);
    }

    /** RFC 6716 §3.1: each packet is one 20 ms mono frame, in a mode no wider than the receiver plays. */
    @Test
    void packetsAreSingleMonoTwentyMillisecondFramesWithinMaxPlaybackRate() {
        OpusEncoderSettings wide = OpusEncoderSettings.voice(RATE).withBitrate(32_000);
        OpusEncoderSettings capped = new OpusEncoderSettings(RATE, 20, 32_000, 5, true, 0, false, false, 16_000);
        List<Integer> wideConfigs = configs(wide);
        List<Integer> cappedConfigs = configs(capped);
        assertTrue(wideConfigs.stream().anyMatch(c -> c >= 12 && c <= 15), "uncapped 32 kbit/s uses SWB hybrid");
        for (int config : cappedConfigs) {
            boolean upToWideband = config <= 11 || (config >= 16 && config <= 23);
            assertTrue(upToWideband, "config " + config + " is wider than maxplaybackrate=16000 allows");
        }
    }

    /** libopus enters DTX after about 200 ms of silence, then sends one refresh packet every 400 ms. */
    @Test
    void dtxSendsNothingDuringSilence() {
        OpusEncoderSettings dtx = new OpusEncoderSettings(RATE, 20, 24_000, 5, false, 0, true, false, 48_000);
        short[] silence = new short[FRAME];
        int unsent = 0;
        try (OpusEncoder encoder = OpusEncoder.open(dtx)) {
            assertTrue(encoder.encode(speech, 20 * FRAME, FRAME).length > 2, "speech is sent");
            for (int f = 0; f < 100; f++) {
                boolean sent = encoder.encode(silence, 0, FRAME).length > 0;
                unsent += f >= 20 && !sent ? 1 : 0;
            }
        }
        assertTrue(unsent >= 70, "only " + unsent + " of 80 silent frames after the first 400 ms left unsent");
    }

    @Test
    void encoderRejectsWhatLibopusWouldMisread() {
        try (OpusEncoder encoder = OpusEncoder.open(OpusEncoderSettings.voice(RATE))) {
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(speech, 0, 500));
            assertThrows(IndexOutOfBoundsException.class, () -> encoder.encode(speech, speech.length - 100, FRAME));
            assertThrows(IndexOutOfBoundsException.class, () -> encoder.encode(speech, 0, FRAME, new byte[10], 10));
            assertThrows(IllegalArgumentException.class, () -> encoder.setPacketLossPercent(101));
            assertThrows(IllegalArgumentException.class, () -> encoder.setBitrate(5_000));
            encoder.setBitrate(16_000);
            encoder.setPacketLossPercent(3);
            assertTrue(encoder.encode(speech, 0, FRAME).length > 0);
        }
    }

    @Test
    void settingsRejectRatesAndFramesOpusDoesNotHave() {
        assertThrows(IllegalArgumentException.class, () -> OpusEncoderSettings.voice(44_100));
        assertThrows(IllegalArgumentException.class, () -> OpusDecoder.open(22_050));
        assertThrows(IllegalArgumentException.class,
                () -> new OpusEncoderSettings(RATE, 30, 24_000, 5, true, 10, false, false, 48_000));
    }

    @Test
    void closingTwiceIsHarmlessAndUseAfterCloseIsAnIllegalState() {
        OpusEncoder encoder = OpusEncoder.open(OpusEncoderSettings.voice(RATE));
        byte[] packet = encoder.encode(speech, 0, FRAME);
        OpusDecoder decoder = OpusDecoder.open(RATE);
        encoder.close();
        encoder.close();
        decoder.close();
        decoder.close();
        short[] out = new short[FRAME];
        assertThrows(IllegalStateException.class, () -> encoder.encode(speech, 0, FRAME));
        assertThrows(IllegalStateException.class, () -> encoder.setBitrate(20_000));
        assertThrows(IllegalStateException.class, () -> decoder.decode(packet, 0, packet.length, out, 0));
        assertThrows(IllegalStateException.class, () -> decoder.decodeLost(FRAME, out, 0));
        assertThrows(IllegalStateException.class, () -> decoder.decodeFec(packet, 0, packet.length, FRAME, out, 0));
    }

    @Test
    void sameInputGivesTheSamePackets() {
        try (OpusEncoder first = OpusEncoder.open(OpusEncoderSettings.voice(RATE));
                OpusEncoder second = OpusEncoder.open(OpusEncoderSettings.voice(RATE))) {
            for (int at = 0; at < 10 * FRAME; at += FRAME) {
                assertArrayEquals(first.encode(speech, at, FRAME), second.encode(speech, at, FRAME));
            }
        }
    }

    private List<Integer> configs(OpusEncoderSettings settings) {
        List<Integer> configs = new ArrayList<>();
        try (OpusEncoder encoder = OpusEncoder.open(settings)) {
            for (int at = 0; at < speech.length; at += FRAME) {
                int toc = encoder.encode(speech, at, FRAME)[0] & 0xFF;
                assertEquals(0, toc & 0x07, "TOC " + toc + ": mono (s=0), one frame (c=0)");
                int config = toc >> 3;
                boolean twentyMs = config < 12 ? config % 4 == 1 : config < 16 ? config % 2 == 1 : config % 4 == 3;
                assertTrue(twentyMs, "config " + config + " is not a 20 ms frame");
                configs.add(config);
            }
        }
        return configs;
    }

    private static double pearson(double[] a, double[] b) {
        double meanA = java.util.Arrays.stream(a).average().orElseThrow();
        double meanB = java.util.Arrays.stream(b).average().orElseThrow();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
