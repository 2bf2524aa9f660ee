package dev.switchboard.media.recording;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What slf4j-simple writes to standard error while it is open. slf4j-simple looks up {@code System.err} at each
 * line (it does not cache the stream by default), so swapping the stream catches the writer thread's lines too.
 */
final class CapturedLog implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    CapturedLog() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** Lines containing all of {@code fragments}. */
    List<String> lines(String... fragments) {
        return captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> List.of(fragments).stream().allMatch(line::contains))
                .toList();
    }

    @Override
    public void close() {
        System.setErr(original);
        original.print(captured.toString(StandardCharsets.UTF_8));
    }
}
