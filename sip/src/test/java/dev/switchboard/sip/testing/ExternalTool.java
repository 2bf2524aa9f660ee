package dev.switchboard.sip.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a peer we did not write (SIPp, baresip, node) as a process, bounded in time. A missing tool fails the
 * test with what to install; it never skips.
 */
public final class ExternalTool {

    /** How a run ended: exit code (-1 if it had to be killed) and everything it printed. */
    public record Result(int exitCode, String output) {}

    private ExternalTool() {}

    /** The absolute path of {@code command} on the PATH, or an assertion error naming the package to install. */
    public static String require(String command, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(command + " is not installed; the interop tests need it (Debian package "
                + debianPackage + "; './switchboard test' installs it)");
    }

    /** Runs {@code command} in {@code workDir}, killing it (and failing) after {@code timeout}. */
    public static Result run(List<String> command, Path workDir, Duration timeout) throws IOException,
            InterruptedException {
        Path output = Files.createTempFile(workDir, "tool-", ".out");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String printed = Files.readString(output, java.nio.charset.StandardCharsets.ISO_8859_1);
        return new Result(finished ? process.exitValue() : -1, printed);
    }

    /** A free UDP port on loopback whose neighbour (+1, for RTCP) is free too. */
    public static int freeUdpPortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (java.net.DatagramSocket first = new java.net.DatagramSocket(0,
                    java.net.InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                if ((port & 1) != 0 || port > 65_000) {
                    continue;
                }
                try (java.net.DatagramSocket second = new java.net.DatagramSocket(port + 1,
                        java.net.InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // try again
                }
            }
        }
        throw new IOException("no free UDP port pair");
    }
}
