package dev.switchboard.media.bench;

import dev.switchboard.media.bench.ResamplerBenchmark.RatePair;
import dev.switchboard.media.codec.Resampler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Speed of each converter over the same long input (speech looped to the requested length), in CPU time of one
 * thread: the figure that says how many calls a core can carry, and one that other load on the machine does not
 * inflate the way it does wall-clock time. Each figure is the best of a few runs, interleaved between converters.
 *
 * <p>Ours runs as a call uses it: one {@link Resampler} fed 20 ms of input per {@code process} call, writing into
 * one reused frame buffer, after a JIT warm-up over every pair. SoX runs as one {@code sox} process per run reading
 * the raw input file (from the page cache) in its own large blocks and writing /dev/null; its start-up (process
 * launch and filter design), measured with the same command on a 20 ms file, is subtracted.
 */
final class Throughput {

    private static final double WARMUP_SECONDS = 3;
    private static final int RUNS = 3;
    private static final int STARTUP_RUNS = 5;
    private static final int FRAMES_PER_SECOND = 50;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Defeats dead-code elimination of the timed loop. */
    private static volatile long sink;

    private Throughput() {
    }

    /**
     * Best CPU time per converter (ours, sox -h, sox -v), with SoX's start-up already subtracted.
     *
     * @param audioSeconds length of the input each run converts
     */
    record Result(double[] nanos, double audioSeconds, double[] soxStartupNanos) {

        double realTime(int converter) {
            return audioSeconds * 1e9 / nanos[converter];
        }

        double nanosPerFrame(int converter) {
            return nanos[converter] / (audioSeconds * FRAMES_PER_SECOND);
        }
    }

    static Map<RatePair, Result> measure(List<RatePair> pairs, Map<Integer, short[]> speech, int minutes, Sox sox)
            throws IOException {
        Map<Integer, short[]> inputs = new HashMap<>();
        Map<Integer, Path> files = new HashMap<>();
        Map<Integer, Path> tinyFiles = new HashMap<>();
        for (Map.Entry<Integer, short[]> entry : speech.entrySet()) {
            int rate = entry.getKey();
            short[] input = loop(entry.getValue(), minutes * 60 * rate);
            inputs.put(rate, input);
            files.put(rate, sox.writeRaw("long-" + rate + ".raw", input));
            tinyFiles.put(rate, sox.writeRaw("tiny-" + rate + ".raw", Arrays.copyOf(input, rate / FRAMES_PER_SECOND)));
        }
        warmUp(pairs, inputs);
        Map<RatePair, Result> results = new LinkedHashMap<>();
        for (RatePair pair : pairs) {
            short[] input = inputs.get(pair.from());
            double[] startup = new double[3];
            for (Sox.Quality quality : Sox.Quality.values()) {
                for (int run = 0; run < STARTUP_RUNS; run++) {
                    long nanos = sox.cpuNanos(tinyFiles.get(pair.from()), pair.from(), pair.to(), quality);
                    startup[index(quality)] = run == 0 ? nanos : Math.min(startup[index(quality)], nanos);
                }
            }
            double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            for (int run = 0; run < RUNS; run++) {
                best[0] = Math.min(best[0], oursCpuNanos(input, pair, input.length));
                for (Sox.Quality quality : Sox.Quality.values()) {
                    long nanos = sox.cpuNanos(files.get(pair.from()), pair.from(), pair.to(), quality);
                    best[index(quality)] = Math.min(best[index(quality)], nanos - startup[index(quality)]);
                }
            }
            results.put(pair, new Result(best, minutes * 60.0, startup));
        }
        return results;
    }

    static void printDetail(List<RatePair> pairs, Map<RatePair, Result> results, int minutes) {
        System.out.printf("Speed: CPU time per 20 ms of audio, best of %d runs over the same %d min of audio%n", RUNS,
                minutes);
        System.out.println("  pair         ours ns  sox -h ns  sox -v ns   sox start-up CPU -h / -v (subtracted)");
        for (RatePair pair : pairs) {
            Result result = results.get(pair);
            System.out.printf("  %-10s  %7.0f  %9.0f  %9.0f   %.1f / %.1f ms%n", pair, result.nanosPerFrame(0),
                    result.nanosPerFrame(1), result.nanosPerFrame(2), result.soxStartupNanos()[1] / 1e6,
                    result.soxStartupNanos()[2] / 1e6);
        }
        System.out.printf("  ours: one Resampler per run, %d ms input chunks per process() call, reused output"
                + " buffer, one thread (its CPU time), after %.0f s of JIT warm-up.%n", 1000 / FRAMES_PER_SECOND,
                WARMUP_SECONDS);
        System.out.println("  sox: one process per run, raw file in (page cache), /dev/null out, one thread (mono);"
                + " user + system CPU time;");
        System.out.println("  start-up = the same command on a 20 ms file. x real time = seconds of audio per CPU"
                + " second.");
    }

    /** Runs every pair over the first minute of its input until the JIT has had WARMUP_SECONDS. */
    private static void warmUp(List<RatePair> pairs, Map<Integer, short[]> inputs) {
        long end = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
        while (System.nanoTime() < end) {
            for (RatePair pair : pairs) {
                oursCpuNanos(inputs.get(pair.from()), pair, 60 * pair.from());
            }
        }
    }

    /** Converts {@code input[0, length)} in 20 ms chunks, as a call does. */
    private static long oursCpuNanos(short[] input, RatePair pair, int length) {
        Resampler resampler = Resampler.create(pair.from(), pair.to());
        int chunk = pair.from() / FRAMES_PER_SECOND;
        short[] frame = new short[resampler.maxOutputLength(chunk)];
        long checksum = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int offset = 0; offset + chunk <= length; offset += chunk) {
            checksum += resampler.process(input, offset, chunk, frame, 0) + frame[0];
        }
        long elapsed = THREADS.getCurrentThreadCpuTime() - start;
        sink += checksum;
        return elapsed;
    }

    private static short[] loop(short[] clip, int length) {
        short[] looped = new short[length];
        for (int offset = 0; offset < length; offset += clip.length) {
            System.arraycopy(clip, 0, looped, offset, Math.min(clip.length, length - offset));
        }
        return looped;
    }

    /** Column of a SoX setting in the results: 0 is ours. */
    private static int index(Sox.Quality quality) {
        return quality.ordinal() + 1;
    }
}
