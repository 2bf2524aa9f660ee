package dev.switchboard.media.codec.opus;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Prints CPU time per 20 ms frame for encoding (at several complexities) and decoding the speech fixture, on this
 * machine. A tool, not a test: run with
 * {@code java --enable-native-access=ALL-UNNAMED -cp <test classpath> dev.switchboard.media.codec.opus.OpusBenchmark}.
 */
public final class OpusBenchmark {

    private static final int FRAME = 480;
    private static final int WARMUP_PASSES = 200;
    private static final int PASSES = 1_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private OpusBenchmark() {}

    public static void main(String[] args) throws OpusPacketException {
        short[] speech = Signals.speech24k();
        int frames = speech.length / FRAME;
        for (int complexity : new int[] {0, 5, 10}) {
            OpusEncoderSettings settings = OpusEncoderSettings.voice(24_000).withComplexity(complexity);
            try (OpusEncoder encoder = OpusEncoder.open(settings)) {
                byte[] packet = new byte[OpusEncoder.MAX_PACKET_BYTES];
                Runnable pass = () -> {
                    for (int f = 0; f < frames; f++) {
                        encoder.encode(speech, f * FRAME, FRAME, packet, 0);
                    }
                };
                report("encode 24 kHz, complexity " + complexity, pass, frames);
            }
        }
        byte[][] packets = packets(speech, frames);
        for (int rate : new int[] {16_000, 24_000, 48_000}) {
            try (OpusDecoder decoder = OpusDecoder.open(rate)) {
                short[] out = new short[rate / 50];
                report("decode to " + rate / 1000 + " kHz", () -> decodeAll(decoder, packets, out), frames);
            }
        }
    }

    private static byte[][] packets(short[] speech, int frames) {
        byte[][] packets = new byte[frames][];
        try (OpusEncoder encoder = OpusEncoder.open(OpusEncoderSettings.voice(24_000))) {
            for (int f = 0; f < frames; f++) {
                packets[f] = encoder.encode(speech, f * FRAME, FRAME);
            }
        }
        return packets;
    }

    private static void decodeAll(OpusDecoder decoder, byte[][] packets, short[] out) {
        try {
            for (byte[] packet : packets) {
                decoder.decode(packet, 0, packet.length, out, 0);
            }
        } catch (OpusPacketException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, Runnable pass, int framesPerPass) {
        for (int i = 0; i < WARMUP_PASSES; i++) {
            pass.run();
        }
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < PASSES; i++) {
            pass.run();
        }
        double frames = (double) PASSES * framesPerPass;
        System.out.printf("%-28s %6.1f µs CPU/frame (%6.1f µs wall)%n", what,
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / frames / 1_000,
                (System.nanoTime() - wallStart) / frames / 1_000);
    }
}
