package dev.switchboard.media.bench;

import dev.switchboard.media.codec.Resampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Switchboard's {@link Resampler} against SoX's {@code rate} ({@code -h}, its default, and {@code -v}), side by
 * side on the same inputs, for every rate pair the media path uses. Prints one table row per pair: worst in-band
 * SNR, worst stopband level, and speed as a multiple of real time; then the detail behind each column and the
 * exact SoX command lines. Needs {@code sox} and {@code espeak-ng}. Run with
 * {@code deploy/bench/resampler.sh [MINUTES]} (MINUTES of audio per speed run, default 10).
 */
public final class ResamplerBenchmark {

    static final List<RatePair> PAIRS = List.of(
            new RatePair(8000, 24000), new RatePair(24000, 8000), new RatePair(16000, 24000),
            new RatePair(24000, 16000), new RatePair(8000, 16000), new RatePair(16000, 8000),
            new RatePair(48000, 24000), new RatePair(24000, 48000), new RatePair(48000, 16000),
            new RatePair(16000, 48000), new RatePair(8000, 48000), new RatePair(48000, 8000));
    private static final String SPEECH = "Thank you for calling. Your call is important to us. Please tell me, in a"
            + " few words, what you are calling about today, and I will put you through to the right person. You"
            + " can also say operator at any time, or press zero.";

    private ResamplerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int minutes = parseMinutes(args);
        Path work = Files.createTempDirectory("resampler-bench");
        try {
            Sox sox = new Sox(work);
            String soxVersion = sox.requireTools();
            Map<Integer, short[]> speech = new HashMap<>();
            for (int rate : List.of(8000, 16000, 24000, 48000)) {
                speech.put(rate, sox.speech(SPEECH, rate));
            }
            printHeader(soxVersion, minutes, speech.get(8000).length / 8000.0);
            List<Converter> converters = List.of(Converter.ours(), Converter.sox(sox, Sox.Quality.HIGH),
                    Converter.sox(sox, Sox.Quality.VERY_HIGH));
            Map<RatePair, ToneQuality.Result> quality = new HashMap<>();
            for (RatePair pair : PAIRS) {
                quality.put(pair, ToneQuality.measure(pair, converters));
            }
            Map<RatePair, Throughput.Result> speed = Throughput.measure(PAIRS, speech, minutes, sox);
            printSummary(quality, speed);
            printToneDetail(quality);
            printSpeechComparison(speech, converters);
            Throughput.printDetail(PAIRS, speed, minutes);
        } finally {
            deleteRecursively(work);
        }
    }

    /** One direction of conversion. */
    record RatePair(int from, int to) {

        /** Nyquist frequency of the lower of the two rates: the top of the band both sides can carry. */
        int lowerNyquist() {
            return Math.min(from, to) / 2;
        }

        boolean downsampling() {
            return to < from;
        }

        @Override
        public String toString() {
            return from / 1000 + "k -> " + to / 1000 + "k";
        }
    }

    /** A resampler under test, converting a whole signal at once: ours, SoX -h, SoX -v, in that order. */
    @FunctionalInterface
    interface Converter {

        short[] convert(short[] input, RatePair pair) throws IOException;

        static Converter ours() {
            return (input, pair) -> {
                Resampler resampler = Resampler.create(pair.from(), pair.to());
                short[] output = new short[resampler.maxOutputLength(input.length)];
                return Arrays.copyOf(output, resampler.process(input, 0, input.length, output, 0));
            };
        }

        static Converter sox(Sox sox, Sox.Quality quality) {
            return (input, pair) -> sox.resample(input, pair.from(), pair.to(), quality);
        }
    }

    private static void printHeader(String soxVersion, int minutes, double speechSeconds) {
        System.out.printf("Resampler benchmark: Switchboard's polyphase Kaiser-sinc resampler (Java %s, %s, %d cores)"
                        + " vs %s rate%n", System.getProperty("java.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), soxVersion);
        RatePair example = PAIRS.getFirst();
        System.out.println("SoX, per conversion (shown for " + example + "; every pair likewise):");
        for (Sox.Quality quality : Sox.Quality.values()) {
            System.out.println("  " + String.join(" ",
                    Sox.command("in.raw", example.from(), "out.raw", example.to(), quality)));
        }
        System.out.println("  -D: no dither, so SoX rounds its output to 16 bits as ours does. Speed runs: the same"
                + " command on the long input, out.raw = /dev/null,");
        System.out.println("  CPU time (user + sys) from bash's `time`.");
        System.out.printf("Inputs: tones at -1 dBFS, %.0f s each; speech: espeak-ng (%.1f s), -3 dBFS, made at each"
                + " input rate by sox rate -v; speed input: that speech looped to %d min.%n%n",
                ToneQuality.TONE_SECONDS, speechSeconds, minutes);
    }

    private static void printSummary(Map<RatePair, ToneQuality.Result> quality,
            Map<RatePair, Throughput.Result> speed) {
        System.out.println("pair       |  SNR dB, worst in-band tone |  stopband dB, worst         |"
                + "  speed, x real time");
        System.out.println("           |   ours   sox -h   sox -v    |   ours   sox -h   sox -v    |"
                + "   ours  sox -h  sox -v");
        for (RatePair pair : PAIRS) {
            ToneQuality.Result q = quality.get(pair);
            Throughput.Result s = speed.get(pair);
            System.out.printf("%-10s | %6.1f  %7.1f  %7.1f    | %6s  %7s  %7s    | %6.0f  %6.0f  %6.0f%n", pair,
                    q.worstSnr()[0], q.worstSnr()[1], q.worstSnr()[2], ToneQuality.level(q.worstStopband()[0]),
                    ToneQuality.level(q.worstStopband()[1]), ToneQuality.level(q.worstStopband()[2]),
                    s.realTime(0), s.realTime(1), s.realTime(2));
        }
        System.out.println();
        System.out.println("SNR: energy of the least-squares-fitted sine over everything else (noise, distortion,"
                + " images, aliases),");
        System.out.printf("  worst of %s Hz and 0.9 x the lower Nyquist frequency - 1 Hz. Ceiling: the 16-bit"
                + " input tone itself measures %.1f dB,%n  and the output's own rounding costs up to 3 dB more.%n",
                ToneQuality.passbandList(), ToneQuality.roundingSnrDb());
        System.out.println("Stopband, downsampling: output level of a tone at 1.025, 1.25 and 1.75 x the output"
                + " Nyquist frequency (below 0.95 x the input's)");
        System.out.printf("  relative to the input tone; '<%.0f' means every output sample rounded to 0 (the 16-bit"
                + " floor).%n", ToneQuality.ROUNDING_FLOOR_DB);
        System.out.println("Stopband, upsampling: level of the strongest image (k x input rate +- f) of the in-band"
                + " tones, fitted jointly with the tone.");
        System.out.println("Speed: seconds of audio converted per second of CPU, one thread: ours in 20 ms calls, SoX"
                + " one process per file, start-up subtracted.");
        System.out.println();
    }

    private static void printToneDetail(Map<RatePair, ToneQuality.Result> quality) {
        System.out.println("In-band tones, SNR dB (ours / sox -h / sox -v):");
        for (RatePair pair : PAIRS) {
            System.out.printf("  %-10s %s%n", pair, quality.get(pair).toneDetail());
        }
        System.out.println("Stopband, dB (ours / sox -h / sox -v):");
        for (RatePair pair : PAIRS) {
            System.out.printf("  %-10s %s%n", pair, quality.get(pair).stopbandDetail());
        }
        System.out.println();
    }

    /**
     * Sanity check on real speech: ours against SoX -h, and for scale SoX -v against SoX -h. Ours is expected
     * {@link Resampler#delay()} samples late; SoX compensates its delay.
     */
    private static void printSpeechComparison(Map<Integer, short[]> speech, List<Converter> converters)
            throws IOException {
        System.out.printf("Speech: difference between outputs relative to the output, whole band and below %.2f x the"
                + " lower Nyquist frequency%n  (where both are flat), aligned at the lag shown:%n",
                SpeechDifference.FLAT_BAND);
        System.out.println("  pair         ours vs sox -h: whole / in band      sox -v vs sox -h: whole / in band");
        for (RatePair pair : PAIRS) {
            short[] input = speech.get(pair.from());
            short[] ours = converters.get(0).convert(input, pair);
            short[] high = converters.get(1).convert(input, pair);
            short[] veryHigh = converters.get(2).convert(input, pair);
            int delay = Resampler.create(pair.from(), pair.to()).delay();
            SpeechDifference oursVsHigh = SpeechDifference.of(ours, high, delay, pair.to(), pair.lowerNyquist());
            SpeechDifference veryVsHigh = SpeechDifference.of(veryHigh, high, 0, pair.to(), pair.lowerNyquist());
            System.out.printf("  %-10s  %6.1f / %6.1f dB (lag %3d)     %6.1f / %6.1f dB (lag %d)%n", pair,
                    oursVsHigh.wholeDb(), oursVsHigh.inBandDb(), oursVsHigh.lag(), veryVsHigh.wholeDb(),
                    veryVsHigh.inBandDb(), veryVsHigh.lag());
        }
        System.out.println();
    }

    private static int parseMinutes(String[] args) {
        if (args.length == 0) {
            return 10;
        }
        try {
            int minutes = Integer.parseInt(args[0]);
            if (minutes >= 1 && minutes <= 60) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("usage: ResamplerBenchmark [MINUTES], MINUTES of audio per speed run,"
                + " 1 to 60 (default 10); was '" + args[0] + "'");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
