package dev.switchboard.media.dtmf;

import dev.switchboard.media.transport.FramePacer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Digits waiting to be sent to the caller, played out as RFC 4733 telephone-events one pacing tick at a time
 * (§2.5.1).
 *
 * <p>Each digit, starting at the tick it begins:
 * <ol>
 *   <li>{@link #TONE_MILLIS} of tone, one report per tick. Every report carries the event's start as its
 *       timestamp (§2.4.1, §2.5.1.2) and the duration so far, one tick's worth more each time; the first carries
 *       the marker bit (§2.4.2);</li>
 *   <li>the final report, E bit set and the full duration, {@link #FINAL_COPIES} times in consecutive ticks, so
 *       the end survives a lost packet (§2.5.1.4);</li>
 *   <li>{@link #PAUSE_MILLIS} with nothing sent, so the far end hears separate key presses even when a digit
 *       repeats.</li>
 * </ol>
 * While digits are being sent they own every tick: the stream's own audio waits.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class DtmfSender {

    public static final int TONE_MILLIS = 100;
    public static final int PAUSE_MILLIS = 60;
    /** −10 dBm0 (§2.3.4), a usual DTMF level. */
    public static final int VOLUME = 10;
    public static final int FINAL_COPIES = 3;
    /** The most digits one request may send: 64 digits play for about 14 s, during which the agent is silent. */
    public static final int MAX_DIGITS = 64;
    private static final int TONE_TICKS = TONE_MILLIS / FramePacer.FRAME_MILLIS;
    private static final int PAUSE_TICKS = PAUSE_MILLIS / FramePacer.FRAME_MILLIS;
    private static final int TICKS_PER_DIGIT = TONE_TICKS + FINAL_COPIES + PAUSE_TICKS;

    /** What a tick was used for. */
    public enum Tick {
        /** No digit is being sent: the tick is free for audio. */
        FREE,
        /** An event packet was handed out. */
        SENT,
        /** The pause after a digit: nothing may be sent this tick. */
        PAUSE
    }

    /** One event packet to send: the RTP marker bit, the RTP timestamp, and the payload's report. */
    public record EventPacket(boolean marker, long timestamp, TelephoneEvent report) {}

    /** A queued digit; {@code done} completes when it is the last of a request, else {@code null}. */
    private record Digit(int code, CompletableFuture<Void> done) {}

    private final int unitsPerTick;
    private final ArrayDeque<Digit> queue = new ArrayDeque<>();
    private Digit current;
    private int tickOfDigit;
    private long eventTimestamp;
    private long digitsSent;

    /** @param unitsPerTick RTP timestamp units in one {@link FramePacer#FRAME_MILLIS} tick: 160 at 8 kHz */
    public DtmfSender(int unitsPerTick) {
        this.unitsPerTick = unitsPerTick;
    }

    /**
     * Queues {@code digits} behind those already waiting. Nothing is queued unless all of them are valid.
     *
     * @return completes when the last of these digits' final reports has been handed out
     * @throws IllegalArgumentException when a character is not a DTMF key (the message names it), or there are
     *         no digits or more than {@link #MAX_DIGITS}
     */
    public CompletableFuture<Void> enqueue(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("DTMF needs 1 to " + MAX_DIGITS + " digits, got "
                    + (digits == null ? "none" : digits.length()));
        }
        int[] codes = new int[digits.length()];
        for (int i = 0; i < codes.length; i++) {
            try {
                codes[i] = TelephoneEvent.eventCode(digits.charAt(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + ", at position " + (i + 1) + " of the digits");
            }
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        for (int i = 0; i < codes.length; i++) {
            queue.add(new Digit(codes[i], i == codes.length - 1 ? done : null));
        }
        return done;
    }

    /**
     * Runs one pacing tick: hands this tick's packet, if any, to {@code out}, then completes the request whose
     * last final report that was.
     *
     * @param tickTimestamp the stream's RTP timestamp for this tick, where a digit starting now begins
     */
    public Tick tick(long tickTimestamp, Consumer<EventPacket> out) {
        if (current == null) {
            current = queue.poll();
            if (current == null) {
                return Tick.FREE;
            }
            tickOfDigit = 0;
            eventTimestamp = tickTimestamp;
        }
        Digit digit = current;
        int tick = tickOfDigit++;
        if (tickOfDigit == TICKS_PER_DIGIT) {
            current = null;
        }
        if (tick >= TONE_TICKS + FINAL_COPIES) {
            return Tick.PAUSE;
        }
        boolean last = tick >= TONE_TICKS;
        int duration = Math.min(tick + 1, TONE_TICKS) * unitsPerTick;
        out.accept(new EventPacket(tick == 0, eventTimestamp,
                new TelephoneEvent(digit.code(), last, VOLUME, duration)));
        if (tick == TONE_TICKS + FINAL_COPIES - 1) {
            digitsSent++;
            if (digit.done() != null) {
                digit.done().complete(null);
            }
        }
        return Tick.SENT;
    }

    /** Drops every digit not yet sent and fails the requests waiting for them with {@code cause}. */
    public void cancel(Throwable cause) {
        if (current != null && current.done() != null) {
            current.done().completeExceptionally(cause); // no effect if its last report is already out
        }
        current = null;
        for (Digit digit = queue.poll(); digit != null; digit = queue.poll()) {
            if (digit.done() != null) {
                digit.done().completeExceptionally(cause);
            }
        }
    }

    /** Digits whose final report has been handed out. */
    public long digitsSent() {
        return digitsSent;
    }
}
