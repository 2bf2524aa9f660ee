package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Actions wait for the agent to stop talking, then all run, once, in order. */
class AfterSpeechTest {

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final AtomicBoolean talking = new AtomicBoolean(true);
    private final AfterSpeech afterSpeech = new AfterSpeech(loop, talking::get);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void actionsWaitUntilTheAgentIsSilentThenRunInOrder() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        loop.submit(() -> {
            afterSpeech.then(() -> {
                ran.add("hang up");
                done.countDown();
            });
            afterSpeech.then(() -> {
                ran.add("log");
                done.countDown();
            });
        }).get(1, TimeUnit.SECONDS);

        assertTrue(!done.await(3 * AfterSpeech.CHECK_MILLIS, TimeUnit.MILLISECONDS), "not while talking");
        assertEquals(List.of(), ran);

        talking.set(false);
        assertTrue(done.await(2, TimeUnit.SECONDS));
        assertEquals(List.of("hang up", "log"), ran);
    }

    @Test
    void cancelDropsWaitingActions() throws Exception {
        loop.submit(() -> {
            afterSpeech.then(() -> ran.add("hang up"));
            afterSpeech.cancel();
        }).get(1, TimeUnit.SECONDS);
        talking.set(false);
        CountDownLatch probe = new CountDownLatch(1);
        loop.schedule(probe::countDown, 3 * AfterSpeech.CHECK_MILLIS, TimeUnit.MILLISECONDS);
        assertTrue(probe.await(2, TimeUnit.SECONDS));
        assertEquals(List.of(), ran);
    }
}
