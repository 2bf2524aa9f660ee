package dev.switchboard.media.bench;

import dev.switchboard.media.bench.ResamplerBenchmark.Converter;
import dev.switchboard.media.bench.ResamplerBenchmark.RatePair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tone measurements of one rate pair, for each converter on the same input samples: in-band SNR, and the
 * stopband (aliases of tones above the output Nyquist frequency when downsampling, images of the in-band tones
 * when upsampling).
 */
final class ToneQuality {

    /** −1 dBFS: loud, yet clear of clipping even with a little passband ripple. */
    static final double AMPLITUDE = 29204;
    static final double TONE_SECONDS = 2;
    /** Level of a sinusoid whose every sample rounds to 0: half a step below the tone. */
    static final double ROUNDING_FLOOR_DB = 20 * Math.log10(0.5 / AMPLITUDE);
    /** Skipped at both ends of every output: start-up and (for SoX, which flushes its filter) tail transients. */
    private static final double MARGIN_SECONDS = 0.25;
    /**
     * About 300 Hz, 1 kHz and 3 kHz, each prime to 2, 3 and 5 and so to every rate: a tone that is not makes its
     * 16-bit rounding error periodic, a few harmonics instead of noise, and its SNR says more about the rounding
     * pattern than about the converter. The band-edge tone is 0.9 x the lower Nyquist frequency, less 1 Hz.
     */
    private static final int[] FIXED_TONES = {301, 1019, 2999};
    private static final double BAND_EDGE = 0.9;
    private static final double[] STOPBAND_MULTIPLES = {1.025, 1.25, 1.75};
    private static final double INPUT_BAND_LIMIT = 0.95;

    private ToneQuality() {
    }

    /** Per converter (in the order given): worst SNR and worst stopband level, plus the per-tone figures as text. */
    record Result(double[] worstSnr, double[] worstStopband, String toneDetail, String stopbandDetail) {
    }

    static Result measure(RatePair pair, List<Converter> converters) throws IOException {
        int count = converters.size();
        double[] worstSnr = filled(count, Double.POSITIVE_INFINITY);
        double[] worstStopband = filled(count, Double.NEGATIVE_INFINITY);
        List<String> toneDetail = new ArrayList<>();
        List<String> stopbandDetail = new ArrayList<>();
        for (int frequency : passbandTones(pair)) {
            short[] input = Sinusoids.tone(pair.from(), frequency, AMPLITUDE, TONE_SECONDS);
            int[] images = pair.downsampling() ? new int[0] : images(pair, frequency);
            double[] snr = new double[count];
            double[] image = new double[count];
            for (int c = 0; c < count; c++) {
                short[] output = converters.get(c).convert(input, pair);
                snr[c] = Sinusoids.snrDb(output, pair.to(), frequency, margin(pair), output.length - margin(pair));
                worstSnr[c] = Math.min(worstSnr[c], snr[c]);
                if (images.length > 0) {
                    image[c] = imageLevel(output, pair, frequency, images);
                    worstStopband[c] = Math.max(worstStopband[c], image[c]);
                }
            }
            toneDetail.add(frequency + " Hz " + joinDb(snr));
            if (images.length > 0) {
                stopbandDetail.add(frequency + " Hz images " + joinLevels(image));
            }
        }
        if (pair.downsampling()) {
            stopbandDetail.addAll(measureAliases(pair, converters, worstStopband));
        }
        return new Result(worstSnr, worstStopband, String.join("   ", toneDetail), String.join("   ", stopbandDetail));
    }

    /** Output level of each tone above the output Nyquist frequency; raises {@code worst} to the worst seen. */
    private static List<String> measureAliases(RatePair pair, List<Converter> converters, double[] worst)
            throws IOException {
        List<String> detail = new ArrayList<>();
        for (int frequency : stopbandTones(pair)) {
            short[] input = Sinusoids.tone(pair.from(), frequency, AMPLITUDE, TONE_SECONDS);
            double[] level = new double[converters.size()];
            for (int c = 0; c < converters.size(); c++) {
                short[] output = converters.get(c).convert(input, pair);
                double rms = Sinusoids.rms(output, margin(pair), output.length - margin(pair));
                level[c] = 20 * Math.log10(rms / (AMPLITUDE / Math.sqrt(2)));
                worst[c] = Math.max(worst[c], level[c]);
            }
            detail.add(frequency + " Hz " + joinLevels(level));
        }
        return detail;
    }

    /** A level in dB for printing, with the 16-bit floor for an output that rounded to silence. */
    static String level(double db) {
        return db == Double.NEGATIVE_INFINITY ? String.format("<%.0f", ROUNDING_FLOOR_DB) : String.format("%.1f", db);
    }

    static String passbandList() {
        return Arrays.stream(FIXED_TONES).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    /** SNR of the test tone itself after one rounding to 16 bits: what the input already carries. */
    static double roundingSnrDb() {
        short[] tone = Sinusoids.tone(48000, FIXED_TONES[1], AMPLITUDE, TONE_SECONDS);
        return Sinusoids.snrDb(tone, 48000, FIXED_TONES[1], 0, tone.length);
    }

    private static int[] passbandTones(RatePair pair) {
        int[] tones = Arrays.copyOf(FIXED_TONES, FIXED_TONES.length + 1);
        tones[FIXED_TONES.length] = (int) Math.round(BAND_EDGE * pair.lowerNyquist()) - 1;
        return tones;
    }

    private static int[] stopbandTones(RatePair pair) {
        return Arrays.stream(STOPBAND_MULTIPLES)
                .mapToInt(multiple -> (int) Math.round(multiple * pair.to() / 2))
                .filter(frequency -> frequency < INPUT_BAND_LIMIT * pair.from() / 2)
                .toArray();
    }

    /**
     * The images of an in-band tone f that upsampling must suppress: {@code k * inputRate +- f}, those below the
     * output Nyquist frequency (none, for the lower tones, from 16 to 24 kHz).
     */
    private static int[] images(RatePair pair, int frequency) {
        List<Integer> images = new ArrayList<>();
        for (int k = 1; k * pair.from() - frequency < pair.to() / 2; k++) {
            images.add(k * pair.from() - frequency);
            if (k * pair.from() + frequency < pair.to() / 2) {
                images.add(k * pair.from() + frequency);
            }
        }
        return images.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Level of the strongest image relative to the tone, both fitted jointly so that neither leaks into the other. */
    private static double imageLevel(short[] output, RatePair pair, int frequency, int[] images) {
        int[] all = IntStream.concat(IntStream.of(frequency), Arrays.stream(images)).toArray();
        Sinusoids.Fit fit = Sinusoids.fit(output, pair.to(), all, margin(pair), output.length - margin(pair));
        double strongest = IntStream.range(1, all.length).mapToDouble(fit::amplitude).max().orElseThrow();
        return 20 * Math.log10(strongest / fit.amplitude(0));
    }

    private static int margin(RatePair pair) {
        return (int) (MARGIN_SECONDS * pair.to());
    }

    private static double[] filled(int count, double value) {
        double[] values = new double[count];
        Arrays.fill(values, value);
        return values;
    }

    private static String joinDb(double[] values) {
        return Arrays.stream(values).mapToObj(value -> String.format("%.1f", value)).collect(Collectors.joining(" / "));
    }

    private static String joinLevels(double[] values) {
        return Arrays.stream(values).mapToObj(ToneQuality::level).collect(Collectors.joining(" / "));
    }
}
