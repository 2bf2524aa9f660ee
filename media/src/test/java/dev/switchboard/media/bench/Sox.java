package dev.switchboard.media.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference side of {@link ResamplerBenchmark}: SoX's {@code rate} effect run through the {@code sox} command,
 * on headerless signed 16-bit little-endian mono files in a work directory, plus the speech test signal made with
 * {@code espeak-ng}.
 *
 * <p>Every conversion runs with {@code -D} (no dither): SoX would otherwise add TPDF dither when it rounds its
 * output to 16 bits, while Switchboard's resampler rounds to the nearest integer; without dither both outputs are
 * plain rounding of each converter's exact result, so they are measured alike.
 */
final class Sox {

    /** The two settings compared: {@code rate}'s default ({@code -h}) and its best ({@code -v}). */
    enum Quality {
        HIGH("-h"), VERY_HIGH("-v");

        final String flag;

        Quality(String flag) {
            this.flag = flag;
        }
    }

    private static final long TIMEOUT_SECONDS = 120;
    private static final String INSTALL_HINT =
            "the resampler benchmark runs sox and espeak-ng; install them (Debian/Ubuntu: apt-get install sox"
                    + " espeak-ng) and run it again";

    private final Path workDirectory;

    Sox(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /** SoX's version ("SoX v14.4.2"), after checking that sox and espeak-ng both run. */
    String requireTools() {
        try {
            String version = run(List.of("sox", "--version")).strip();
            run(List.of("espeak-ng", "--version"));
            return version.substring(Math.max(0, version.indexOf("SoX")));
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException(INSTALL_HINT + " (" + e.getMessage() + ")", e);
        }
    }

    /** The command line converting the raw file {@code input} at {@code inputRate} into {@code output}. */
    static List<String> command(String input, int inputRate, String output, int outputRate, Quality quality) {
        return List.of("sox", "-D", "-t", "raw", "-r", String.valueOf(inputRate), "-e", "signed", "-b", "16",
                "-c", "1", input, "-t", "raw", "-e", "signed", "-b", "16", "-c", "1", output,
                "rate", quality.flag, String.valueOf(outputRate));
    }

    /** Converts {@code input} through a file, as the command line above does. */
    short[] resample(short[] input, int inputRate, int outputRate, Quality quality) throws IOException {
        Path in = writeRaw("tone-in.raw", input);
        Path out = workDirectory.resolve("tone-out.raw");
        run(command(in.toString(), inputRate, out.toString(), outputRate, quality));
        return readRaw(out);
    }

    /**
     * CPU time, user plus system, of one conversion of the raw file {@code input} to /dev/null, process start-up
     * included: bash's {@code time} reads it from the child's resource usage, to the millisecond. CPU time rather
     * than wall-clock time, so that other load on the machine does not count against SoX.
     */
    long cpuNanos(Path input, int inputRate, int outputRate, Quality quality) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "TIMEFORMAT='cpu %3U %3S'; time \"$@\"", "bash"));
        command.addAll(command(input.toString(), inputRate, "/dev/null", outputRate, quality));
        String printed = run(command);
        String[] fields = printed.substring(printed.lastIndexOf("cpu ")).strip().replace(',', '.').split(" ");
        return Math.round((Double.parseDouble(fields[1]) + Double.parseDouble(fields[2])) * 1e9);
    }

    /**
     * The sentences spoken by espeak-ng, normalised to −3 dBFS and converted to {@code rate} by SoX {@code rate -v}:
     * a speech-like test signal, identical input for both resamplers.
     */
    short[] speech(String text, int rate) throws IOException {
        Path wav = workDirectory.resolve("speech.wav");
        if (!Files.exists(wav)) {
            run(List.of("espeak-ng", "-s", "160", "-w", wav.toString(), text));
        }
        Path raw = workDirectory.resolve("speech-" + rate + ".raw");
        run(List.of("sox", "-D", wav.toString(), "-t", "raw", "-e", "signed", "-b", "16", "-c", "1", raw.toString(),
                "gain", "-n", "-3", "rate", "-v", String.valueOf(rate)));
        return readRaw(raw);
    }

    Path writeRaw(String name, short[] samples) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(samples);
        Path path = workDirectory.resolve(name);
        Files.write(path, bytes.array());
        return path;
    }

    static short[] readRaw(Path path) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(samples);
        return samples;
    }

    /**
     * Runs a command to completion, its output going to a log file so that a process that hangs cannot block the
     * reader; returns what it printed. A failure carries the command and its output.
     */
    private String run(List<String> command) throws IOException {
        Path log = workDirectory.resolve("command.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit status " + process.exitValue() + " from " + String.join(" ", command)
                    + ": " + printed.strip());
        }
        return printed;
    }
}
