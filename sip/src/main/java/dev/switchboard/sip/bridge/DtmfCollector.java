package dev.switchboard.sip.bridge;

import dev.switchboard.config.DtmfConfig;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns key presses into what the agent reads. In {@code forward} mode each digit goes on at once; in
 * {@code collect} mode digits are gathered until the terminator (kept, e.g. {@code 12345#}), the maximum count,
 * or a quiet {@code inter_digit_timeout}, and then delivered as one text.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class DtmfCollector {

    private final DtmfConfig config;
    private final EventLoop loop;
    private final Consumer<String> deliver;
    private final StringBuilder digits = new StringBuilder();
    private ScheduledFuture<?> quiet;

    public DtmfCollector(DtmfConfig config, EventLoop loop, Consumer<String> deliver) {
        this.config = config;
        this.loop = loop;
        this.deliver = deliver;
    }

    /** Whether no digits are being gathered: the next one starts a new entry. */
    public boolean idle() {
        return digits.isEmpty();
    }

    public void digit(char digit) {
        if (config.mode() == DtmfConfig.Mode.FORWARD) {
            deliver.accept(String.valueOf(digit));
            return;
        }
        digits.append(digit);
        boolean terminated = !config.terminator().isEmpty() && config.terminator().charAt(0) == digit;
        if (terminated || digits.length() >= config.maxDigits()) {
            flush();
            return;
        }
        cancelQuiet();
        quiet = loop.schedule(this::flush, config.interDigitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void flush() {
        cancelQuiet();
        if (!digits.isEmpty()) {
            String entry = digits.toString();
            digits.setLength(0);
            deliver.accept(entry);
        }
    }

    private void cancelQuiet() {
        if (quiet != null) {
            quiet.cancel(false);
            quiet = null;
        }
    }

    public void close() {
        cancelQuiet();
        digits.setLength(0);
    }
}
