package dev.switchboard.sip.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * baresip, a softphone we did not write, driven headless: no sound card, the microphone is a WAV file
 * ({@code aufile}), and what it hears is written to a WAV by the {@code sndfile} filter. Version 1.0 (Debian 12).
 */
public final class Baresip implements AutoCloseable {

    private final Path dir;
    private final Process process;

    private Baresip(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /**
     * Dials {@code target} (e.g. {@code sip:600@127.0.0.1:5060}) with {@code microphone} (8 kHz mono) as its
     * voice, followed by silence so the file does not run out (baresip hangs up at its end).
     *
     * @param codec an exact baresip codec name such as {@code PCMU/8000/1}
     */
    public static Baresip dial(Path dir, String target, short[] microphone, String codec) throws IOException {
        String binary = ExternalTool.require("baresip", "baresip");
        short[] padded = java.util.Arrays.copyOf(microphone, microphone.length + 8000 * 60);
        writeWav(dir.resolve("in.wav"), padded, 8000);
        Files.createDirectories(dir.resolve("snd"));
        Files.writeString(dir.resolve("config"), config(dir));
        Files.writeString(dir.resolve("accounts"),
                "<sip:tester@127.0.0.1>;regint=0;answermode=manual;ptime=20;audio_codecs=" + codec + "\n");
        Process process = new ProcessBuilder(binary, "-4", "-f", dir.toString(), "-t", "60", "-e", "/dial " + target)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new Baresip(dir, process);
    }

    private static String config(Path dir) {
        return String.join("\n", List.of(
                "poll_method epoll",
                "sip_listen 127.0.0.1:0",
                "net_interface 127.0.0.1",
                "dns_server 127.0.0.1:53",
                "call_max_calls 1",
                "audio_source aufile," + dir.resolve("in.wav"),
                "audio_player aubridge,switchboard-test-play",
                "audio_alert aubridge,switchboard-test-alert",
                "ausrc_srate 8000",
                "ausrc_channels 1",
                "rtcp_mux no",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module g722.so",
                "module opus.so",
                "opus_stereo no",
                "opus_sprop_stereo no",
                "module aufile.so",
                "module aubridge.so",
                "module sndfile.so",
                "module_tmp account.so",
                "module_app menu.so",
                "snd_path " + dir.resolve("snd"),
                "ringback_disabled yes",
                "statmode_default off",
                ""));
    }

    /** Waits until baresip reports the call answered. */
    public void awaitEstablished(Duration timeout) {
        Eventually.await(() -> log().contains("Call established") || !process.isAlive(), timeout,
                () -> "baresip's call was not answered; its log:\n" + log());
        if (!log().contains("Call established")) {
            throw new AssertionError("baresip's call failed; its log:\n" + log());
        }
    }

    /** Waits until baresip has received at least {@code millis} of audio, at whatever rate it decodes. */
    public void awaitReceived(int millis, Duration timeout) {
        Eventually.await(() -> receivedMillis() >= millis, timeout,
                () -> "baresip received less than " + millis + " ms of audio; its log:\n" + log());
    }

    private long receivedMillis() {
        try {
            Path file = receivedFile().orElse(null);
            if (file == null || size(file) < 44) {
                return 0;
            }
            byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(file), 64);
            return (size(file) - 44) / Audio.WavFormat.of(header).bytesPerMillisecond();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Hangs up (SIGTERM makes baresip send BYE) and returns what it heard, as 8 kHz mono samples. */
    public short[] hangUpAndRecording() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("baresip did not exit after SIGTERM; its log:\n" + log());
        }
        Path recording = receivedFile().orElseThrow(() -> new AssertionError("baresip recorded nothing:\n" + log()));
        return Audio.pcm8kMonoOfWav(Files.readAllBytes(recording));
    }

    private java.util.Optional<Path> receivedFile() {
        try (Stream<Path> files = Files.list(dir.resolve("snd"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-dec.wav")).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("baresip.log"), StandardCharsets.ISO_8859_1)
                    .replaceAll("\u001B\\[[0-9;]*m", "");
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static void writeWav(Path file, short[] pcm, int rate) throws IOException {
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * pcm.length)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * pcm.length);
        for (short sample : pcm) {
            wav.putShort(sample);
        }
        Files.write(file, wav.array());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
