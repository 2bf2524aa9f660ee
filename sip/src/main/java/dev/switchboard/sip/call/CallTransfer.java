package dev.switchboard.sip.call;

import dev.switchboard.sip.call.CallControl.TransferOutcome;
import dev.switchboard.sip.stack.SipLeg;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's blind transfer (RFC 5589 §6.1): REFER to the caller's side, then the NOTIFYs that report how the
 * new call went (RFC 3515 §2.4.5, a {@code message/sipfrag} status line). 202 only means the trunk will try; a
 * final sipfrag decides. A trunk that accepts but never reports is taken at its word after
 * {@link #REPORT_WAIT_SECONDS}.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class CallTransfer {

    static final long ANSWER_WAIT_SECONDS = 32;
    static final long REPORT_WAIT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(CallTransfer.class);
    private static final Pattern SIPFRAG_STATUS = Pattern.compile("^SIP/2\\.0\\s+(\\d{3})\\s*(.*)$", Pattern.MULTILINE);

    private final String name;
    private final EventLoop loop;
    private final SipLeg leg;
    private final Consumer<String> transferred;
    private CompletableFuture<TransferOutcome> pending;
    private String target;
    private ScheduledFuture<?> timer;

    /** @param transferred called with the target once the caller has been handed over (to hang up our leg) */
    CallTransfer(String name, EventLoop loop, SipLeg leg, Consumer<String> transferred) {
        this.name = name;
        this.loop = loop;
        this.leg = leg;
        this.transferred = transferred;
    }

    void start(String target, CompletableFuture<TransferOutcome> result) {
        if (pending != null) {
            result.complete(new TransferOutcome(false, 491, "a transfer is already in progress"));
            return;
        }
        this.pending = result;
        this.target = target;
        log.info("{}: transferring the caller to {}", name, target);
        leg.refer(target, () -> loop.execute(() -> referAnswered(500, "the REFER could not be sent")));
        timer = loop.schedule(() -> referAnswered(408, "no answer to the REFER"), ANSWER_WAIT_SECONDS,
                TimeUnit.SECONDS);
    }

    /** The REFER's final response: 2xx means the trunk will try (RFC 3515 §2.4.2). */
    void referAnswered(int status, String reason) {
        if (pending == null) {
            return;
        }
        timer.cancel(false);
        if (status >= 300) {
            finish(new TransferOutcome(false, status, reason));
            return;
        }
        log.info("{}: transfer to {} accepted ({} {})", name, target, status, reason);
        timer = loop.schedule(() -> finish(new TransferOutcome(true, status, "accepted; no final report")),
                REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** A NOTIFY body: the status line of the transferee's call to the target. */
    void notified(String sipfrag) {
        if (pending == null || sipfrag == null) {
            return;
        }
        Matcher status = SIPFRAG_STATUS.matcher(sipfrag.strip());
        if (!status.find()) {
            return;
        }
        int code = Integer.parseInt(status.group(1));
        if (code >= 200) {
            timer.cancel(false);
            finish(new TransferOutcome(code < 300, code, status.group(2).strip()));
        }
    }

    private void finish(TransferOutcome outcome) {
        CompletableFuture<TransferOutcome> result = pending;
        pending = null;
        log.info("{}: transfer to {} {} ({} {})", name, target, outcome.transferred() ? "succeeded" : "failed",
                outcome.status(), outcome.reason());
        result.complete(outcome);
        if (outcome.transferred()) {
            transferred.accept(target);
        }
    }

    /** The call ended first. */
    void close() {
        if (pending != null) {
            timer.cancel(false);
            pending.complete(new TransferOutcome(false, 487, "the call ended"));
            pending = null;
        }
    }
}
