package dev.switchboard.media.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StereoAlignerTest {

    private static final int LEFT = 0;
    private static final int RIGHT = 1;

    /** Collects written frames into two arrays and counts the writes. */
    private static final class Collected implements StereoAligner.Sink {
        short[] left = new short[0];
        short[] right = new short[0];
        int writes;

        @Override
        public void write(short[] samples, int from, int frames) {
            int at = left.length;
            left = Arrays.copyOf(left, at + frames);
            right = Arrays.copyOf(right, at + frames);
            for (int i = 0; i < frames; i++) {
                left[at + i] = samples[2 * (from + i)];
                right[at + i] = samples[2 * (from + i) + 1];
            }
            writes++;
        }
    }

    private final Collected sink = new Collected();

    @Test
    void eachSampleLandsAtTheFrameItsPositionNamesRelativeToTheOrigin() throws IOException {
        StereoAligner aligner = new StereoAligner(sink, 1000, 5_000);

        aligner.accept(LEFT, 5_000, ramp(1, 160), 0, 160);
        aligner.accept(RIGHT, 5_080, ramp(-1, 160), 0, 160);
        aligner.flush();

        assertEquals(240, sink.left.length);
        assertArrayEquals(concat(ramp(1, 160), new short[80]), sink.left);
        assertArrayEquals(concat(new short[80], ramp(-1, 160)), sink.right);
    }

    @Test
    void framesNoSideDeliveredAreSilent() throws IOException {
        StereoAligner aligner = new StereoAligner(sink, 1000, 0);

        aligner.accept(LEFT, 0, ramp(1, 10), 0, 10);
        aligner.accept(LEFT, 30, ramp(11, 10), 0, 10);
        aligner.flush();

        assertArrayEquals(concat(ramp(1, 10), new short[20], ramp(11, 10)), sink.left);
        assertArrayEquals(new short[40], sink.right);
    }

    @Test
    void holdsFramesBackUntilAudioReachesPastTheWindowThenWritesItsOlderHalf() throws IOException {
        StereoAligner aligner = new StereoAligner(sink, 1000, 0);
        for (int position = 0; position < 1000; position += 100) {
            aligner.accept(LEFT, position, ramp(1, 100), 0, 100);
        }
        assertEquals(0, aligner.written());

        aligner.accept(LEFT, 1000, ramp(1, 100), 0, 100);

        assertEquals(600, aligner.written());
        assertEquals(1, sink.writes);
    }

    @Test
    void aSideThatLagsBeyondHalfTheWindowLosesItsLateSamplesAndTheyAreCounted() throws IOException {
        StereoAligner aligner = new StereoAligner(sink, 1000, 0);
        for (int position = 0; position < 1200; position += 100) {
            aligner.accept(LEFT, position, ramp(1, 100), 0, 100);
        }
        long written = aligner.written();

        aligner.accept(RIGHT, written - 30, ramp(1, 100), 0, 100);
        aligner.accept(RIGHT, 0, ramp(1, 100), 0, 100);
        aligner.flush();

        assertEquals(130, aligner.lateSamples());
        assertArrayEquals(ramp(31, 70), Arrays.copyOfRange(sink.right, (int) written, (int) written + 70));
    }

    @Test
    void aJumpFarAheadIsWrittenAsSilenceAcrossManyWindows() throws IOException {
        StereoAligner aligner = new StereoAligner(sink, 1000, 0);

        aligner.accept(LEFT, 0, ramp(1, 10), 0, 10);
        aligner.accept(RIGHT, 10_000, ramp(1, 10), 0, 10);
        aligner.flush();

        assertEquals(10_010, sink.left.length);
        assertArrayEquals(ramp(1, 10), Arrays.copyOf(sink.left, 10));
        assertTrue(allZero(sink.left, 10, 10_010) && allZero(sink.right, 0, 10_000));
        assertArrayEquals(ramp(1, 10), Arrays.copyOfRange(sink.right, 10_000, 10_010));
    }

    @Test
    void extendingPadsTheEndWithSilence() throws IOException {
        StereoAligner aligner = new StereoAligner(sink, 1000, 100);

        aligner.accept(LEFT, 100, ramp(1, 10), 0, 10);
        aligner.extendTo(150);
        aligner.extendTo(120);
        aligner.flush();

        assertEquals(50, sink.left.length);
    }

    /**
     * An hour of 16 kHz audio: the caller in 20 ms chunks with 3% of them lost, the agent in talk spurts of random
     * length with long silences, each side handed over up to 3 ticks out of step with the other. Every frame of
     * the hour must hold exactly the samples whose positions name it: any drift, slip or reordering would show.
     */
    @Test
    void anHourWithGapsOnBothSidesDoesNotDriftByASingleSample() throws IOException {
        int rate = 16_000;
        int tick = rate / 50;
        int ticks = 3_600 * 50;
        Random random = new Random(5);
        BitSet callerTicks = new BitSet(ticks);
        BitSet agentTicks = agentSpurts(random, ticks);
        Verifier verifier = new Verifier(callerTicks, agentTicks, tick);
        StereoAligner aligner = new StereoAligner(verifier, rate, 0);
        short[] chunk = new short[tick];
        for (int t = 0; t < ticks + 3; t++) {
            int callerTick = t - random.nextInt(4);
            if (callerTick >= 0 && callerTick < ticks && !callerTicks.get(callerTick) && random.nextInt(100) >= 3) {
                callerTicks.set(callerTick);
                aligner.accept(LEFT, fill(chunk, LEFT, (long) callerTick * tick), chunk, 0, tick);
            }
            if (t < ticks && agentTicks.get(t)) {
                aligner.accept(RIGHT, fill(chunk, RIGHT, (long) t * tick), chunk, 0, tick);
            }
        }
        aligner.extendTo((long) ticks * tick);
        aligner.flush();

        assertEquals((long) ticks * tick, verifier.frames);
        assertEquals(0, verifier.mismatches, "first mismatch at frame " + verifier.firstMismatch);
        assertEquals(0, aligner.lateSamples());
        assertTrue(agentTicks.cardinality() < ticks * 0.7 && callerTicks.cardinality() < ticks * 0.99,
                "both sides have gaps");
    }

    private static BitSet agentSpurts(Random random, int ticks) {
        BitSet spurts = new BitSet(ticks);
        for (int t = random.nextInt(200); t < ticks; t += random.nextInt(500)) {
            int length = 10 + random.nextInt(400);
            spurts.set(t, Math.min(ticks, t + length));
            t += length;
        }
        return spurts;
    }

    /** The value each side has at each timeline position: never 0, and different on the two sides. */
    private static short expected(int channel, long position) {
        int value = 1 + (int) ((position * (channel == LEFT ? 31 : 17)) % 30_000);
        return (short) (channel == LEFT ? value : -value);
    }

    private static long fill(short[] chunk, int channel, long position) {
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = expected(channel, position + i);
        }
        return position;
    }

    /** Checks each frame as it is written, so an hour needs no hour of memory. */
    private static final class Verifier implements StereoAligner.Sink {
        private final BitSet callerTicks;
        private final BitSet agentTicks;
        private final int tick;
        long frames;
        long mismatches;
        long firstMismatch = -1;

        Verifier(BitSet callerTicks, BitSet agentTicks, int tick) {
            this.callerTicks = callerTicks;
            this.agentTicks = agentTicks;
            this.tick = tick;
        }

        @Override
        public void write(short[] samples, int from, int count) {
            for (int i = 0; i < count; i++, frames++) {
                int t = (int) (frames / tick);
                short left = callerTicks.get(t) ? expected(LEFT, frames) : 0;
                short right = agentTicks.get(t) ? expected(RIGHT, frames) : 0;
                if (samples[2 * (from + i)] != left || samples[2 * (from + i) + 1] != right) {
                    firstMismatch = mismatches++ == 0 ? frames : firstMismatch;
                }
            }
        }
    }

    private static short[] ramp(int first, int length) {
        short[] samples = new short[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (short) (first + (first < 0 ? -i : i));
        }
        return samples;
    }

    private static short[] concat(short[]... parts) {
        short[] all = new short[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static boolean allZero(short[] samples, int from, int to) {
        for (int i = from; i < to; i++) {
            if (samples[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
