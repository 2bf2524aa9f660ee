package dev.switchboard.sip.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.DtmfConfig;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Key presses become entries: each digit forwarded, or collected up to a terminator, a count or a pause. */
class DtmfCollectorTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<String> delivered = new ArrayList<>();

    private DtmfCollector collector(DtmfConfig.Mode mode, String terminator, int maxDigits) {
        return new DtmfCollector(new DtmfConfig(mode, terminator, Duration.ofSeconds(3), maxDigits),
                channel.eventLoop(), delivered::add);
    }

    private void press(DtmfCollector collector, String keys) {
        keys.chars().forEach(key -> collector.digit((char) key));
    }

    @Test
    void collectsUntilTheTerminatorWhichIsKept() {
        DtmfCollector keypad = collector(DtmfConfig.Mode.COLLECT, "#", 32);
        press(keypad, "1234");
        assertFalse(keypad.idle());
        assertEquals(List.of(), delivered);
        press(keypad, "5#");
        assertEquals(List.of("12345#"), delivered);
        assertTrue(keypad.idle());
    }

    @Test
    void aPauseEndsTheEntry() {
        DtmfCollector keypad = collector(DtmfConfig.Mode.COLLECT, "#", 32);
        press(keypad, "42");
        channel.advanceTimeBy(2_900, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of(), delivered, "not yet: 3 s after the last key");
        press(keypad, "7");
        channel.advanceTimeBy(2_900, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of(), delivered, "each key restarts the wait");
        channel.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of("427"), delivered);
    }

    @Test
    void theMaximumCountEndsTheEntry() {
        DtmfCollector keypad = collector(DtmfConfig.Mode.COLLECT, "", 4);
        press(keypad, "123456789");
        assertEquals(List.of("1234", "5678"), delivered);
    }

    @Test
    void forwardModeSendsEachKeyAtOnce() {
        DtmfCollector keypad = collector(DtmfConfig.Mode.FORWARD, "", 32);
        press(keypad, "1#");
        assertEquals(List.of("1", "#"), delivered);
        assertTrue(keypad.idle());
    }

    @Test
    void closeForgetsAHalfEnteredNumber() {
        DtmfCollector keypad = collector(DtmfConfig.Mode.COLLECT, "#", 32);
        press(keypad, "12");
        keypad.close();
        channel.advanceTimeBy(5, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of(), delivered);
    }
}
