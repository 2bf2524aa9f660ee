package dev.switchboard.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.dtmf.DtmfSender.EventPacket;
import dev.switchboard.media.dtmf.DtmfSender.Tick;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Digits played out as RFC 4733 event packets, one pacing tick at a time (§2.5.1). */
class DtmfSenderTest {

    private static final int FRAME = 160;
    private static final int TONE_TICKS = DtmfSender.TONE_MILLIS / 20;
    private static final int PAUSE_TICKS = DtmfSender.PAUSE_MILLIS / 20;
    private static final int TICKS_PER_DIGIT = TONE_TICKS + DtmfSender.FINAL_COPIES + PAUSE_TICKS;

    private final DtmfSender sender = new DtmfSender(FRAME);
    private final List<EventPacket> sent = new ArrayList<>();
    private final List<Tick> ticks = new ArrayList<>();
    private long clock = 40_000;

    @Test
    void nothingQueuedLeavesEveryTickFree() {
        tick(3);

        assertEquals(List.of(Tick.FREE, Tick.FREE, Tick.FREE), ticks);
        assertTrue(sent.isEmpty());
    }

    @Test
    void aDigitIsToneUpdatesThenTheFinalReportThriceThenAPause() {
        long start = clock;
        sender.enqueue("9");

        tick(TICKS_PER_DIGIT + 1);

        List<EventPacket> expected = new ArrayList<>();
        for (int i = 1; i <= TONE_TICKS; i++) {
            expected.add(new EventPacket(i == 1, start, new TelephoneEvent(9, false, 10, i * FRAME)));
        }
        for (int i = 0; i < DtmfSender.FINAL_COPIES; i++) {
            expected.add(new EventPacket(false, start, new TelephoneEvent(9, true, 10, TONE_TICKS * FRAME)));
        }
        assertEquals(expected, sent);
        List<Tick> uses = new ArrayList<>();
        for (int i = 0; i < TONE_TICKS + DtmfSender.FINAL_COPIES; i++) {
            uses.add(Tick.SENT);
        }
        for (int i = 0; i < PAUSE_TICKS; i++) {
            uses.add(Tick.PAUSE);
        }
        uses.add(Tick.FREE);
        assertEquals(uses, ticks);
        assertEquals(800, TONE_TICKS * FRAME, "100 ms at 8 kHz");
    }

    @Test
    void eachDigitStartsAtTheTickItBegins() {
        long start = clock;
        sender.enqueue("55");

        tick(2 * TICKS_PER_DIGIT);

        assertEquals(2 * (TONE_TICKS + DtmfSender.FINAL_COPIES), sent.size());
        EventPacket second = sent.get(TONE_TICKS + DtmfSender.FINAL_COPIES);
        assertTrue(second.marker());
        assertEquals(start + (long) TICKS_PER_DIGIT * FRAME, second.timestamp());
        assertTrue(second.timestamp() - start >= (DtmfSender.TONE_MILLIS + DtmfSender.PAUSE_MILLIS) * 8L);
    }

    @Test
    void theFutureCompletesWithTheLastFinalReportOfTheLastDigit() {
        CompletableFuture<Void> done = sender.enqueue("12");

        tick(TICKS_PER_DIGIT + TONE_TICKS + DtmfSender.FINAL_COPIES - 1);
        assertFalse(done.isDone());
        assertEquals(1, sender.digitsSent());

        List<Integer> sentBeforeCompletion = new ArrayList<>();
        done.thenRun(() -> sentBeforeCompletion.add(sent.size()));
        tick(1);

        assertTrue(done.isDone());
        assertEquals(List.of(2 * (TONE_TICKS + DtmfSender.FINAL_COPIES)), sentBeforeCompletion,
                "completed after the packet was handed out");
        assertEquals(2, sender.digitsSent());
    }

    @Test
    void requestsQueueBehindEachOtherAndCompleteInOrder() {
        CompletableFuture<Void> first = sender.enqueue("1");
        CompletableFuture<Void> second = sender.enqueue("2");

        tick(TICKS_PER_DIGIT);
        assertTrue(first.isDone());
        assertFalse(second.isDone());
        tick(TICKS_PER_DIGIT);
        assertTrue(second.isDone());

        assertEquals(List.of(1, 2), sent.stream().filter(EventPacket::marker).map(p -> p.report().event()).toList());
    }

    @Test
    void anInvalidCharacterIsNamedAndNothingIsQueued() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sender.enqueue("12x4"));

        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertTrue(e.getMessage().contains("position 3"), e.getMessage());
        tick(1);
        assertEquals(List.of(Tick.FREE), ticks);
    }

    @Test
    void noDigitsOrTooManyAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> sender.enqueue(""));
        assertThrows(IllegalArgumentException.class, () -> sender.enqueue(null));
        assertThrows(IllegalArgumentException.class, () -> sender.enqueue("1".repeat(DtmfSender.MAX_DIGITS + 1)));
        sender.enqueue("1".repeat(DtmfSender.MAX_DIGITS));
    }

    @Test
    void cancelFailsWaitingRequestsAndFreesTheTicks() {
        CompletableFuture<Void> playing = sender.enqueue("1");
        CompletableFuture<Void> waiting = sender.enqueue("23");
        tick(2);
        IllegalStateException cause = new IllegalStateException("closed");

        sender.cancel(cause);
        tick(1);

        ExecutionException e = assertThrows(ExecutionException.class, playing::get);
        assertEquals(cause, e.getCause());
        assertTrue(waiting.isCompletedExceptionally());
        assertEquals(Tick.FREE, ticks.get(ticks.size() - 1));
        assertEquals(0, sender.digitsSent());
    }

    @Test
    void cancelDuringThePauseLeavesACompletedRequestAlone() {
        CompletableFuture<Void> done = sender.enqueue("1");
        tick(TONE_TICKS + DtmfSender.FINAL_COPIES + 1);

        sender.cancel(new IllegalStateException("closed"));

        assertTrue(done.isDone());
        assertFalse(done.isCompletedExceptionally());
    }

    @Test
    void whatItSendsTheDetectorReadsBack() {
        String digits = "0123456789*#ABCD11";
        sender.enqueue(digits);
        tick(digits.length() * TICKS_PER_DIGIT);

        DtmfDetector detector = new DtmfDetector();
        StringBuilder keys = new StringBuilder();
        for (EventPacket packet : sent) {
            DtmfDetector.KeyPress press = detector.accept(0x1234L, packet.timestamp(), packet.report());
            if (press != null) {
                keys.append(press.digit());
            }
        }
        assertEquals(digits, keys.toString());
    }

    /** Runs {@code count} ticks, the clock advancing a frame each, as the RTP sender's does. */
    private void tick(int count) {
        for (int i = 0; i < count; i++) {
            ticks.add(sender.tick(clock, sent::add));
            clock += FRAME;
        }
    }
}
