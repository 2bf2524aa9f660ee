package dev.switchboard.agent.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.HistoryEntry;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.ServerEvent.Role;
import dev.switchboard.agent.api.SessionConfig;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drops, reconnects, restores and recycles, step by step: the provider is a fake whose connections the test
 * drives, and time is the embedded loop's, advanced by hand.
 */
class ResilientSessionTest {

    private static final SessionConfig CONFIG = new SessionConfig("m", "Be brief.", null, AudioFormat.PCM16_24K,
            AudioFormat.PCM16_24K, List.of());
    private static final ReconnectPolicy POLICY =
            new ReconnectPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(55));

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final FakeTransport provider = new FakeTransport();
    private final List<ServerEvent> heard = new ArrayList<>();
    private ResilientSession session;

    private void open(ReconnectPolicy policy) {
        session = ResilientSession.open("call", provider, CONFIG, channel.eventLoop(), heard::add, policy);
    }

    private void advance(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void aDropMidResponseReconnectsRestoresAndCarriesOn() {
        open(POLICY);
        provider.last().ready();
        assertInstanceOf(ServerEvent.SessionReady.class, heard.get(0));
        FakeTransport.Connection first = provider.last();
        first.emit(new ServerEvent.Transcript(Role.USER, "u1", "Where is order 12345?", true));
        first.emit(new ServerEvent.ToolCallDone("call_1", "order_lookup", "{\"order_id\":\"12345\"}"));
        first.emit(new ServerEvent.ResponseStarted("r2"));

        first.drop(true);
        assertEquals(new ServerEvent.ResponseDone("r2", "cancelled", "connection lost"), heard.get(heard.size() - 2));
        assertEquals(new ServerEvent.Reconnecting(1, "connection lost"), heard.get(heard.size() - 1));
        assertTrue(session.isOpen(), "the call carries on while the connection is replaced");

        byte[] speech = {1, 2, 3, 4};
        assertTrue(session.send(new ClientEvent.AppendAudio(speech)));
        assertTrue(session.send(new ClientEvent.ToolResult("call_1", "{\"status\":\"shipped\"}")));
        assertEquals(1, provider.connections.size(), "no attempt before the backoff");

        advance(100);
        FakeTransport.Connection second = provider.last();
        assertEquals(2, provider.connections.size());
        assertEquals(List.of(new HistoryEntry.UserSaid("Where is order 12345?"),
                new HistoryEntry.ToolCalled("call_1", "order_lookup", "{\"order_id\":\"12345\"}"),
                new HistoryEntry.ToolAnswered("call_1", "{\"status\":\"shipped\"}")), second.resume.history());

        second.ready();
        assertEquals(new ServerEvent.Reconnected(1), heard.get(heard.size() - 1));
        assertEquals(3, second.sent.size());
        assertInstanceOf(ClientEvent.AppendAudio.class, second.sent.get(0));
        assertEquals(new ClientEvent.ToolResult("call_1", "{\"status\":\"shipped\"}"), second.sent.get(1));
        assertEquals(new ClientEvent.CreateResponse(), second.sent.get(2), "the cut-off response is asked for again");
    }

    @Test
    void aFatalCloseEndsAtOnce() {
        open(POLICY);
        provider.last().ready();
        provider.last().drop(false);

        ServerEvent.Closed closed = assertInstanceOf(ServerEvent.Closed.class, heard.get(heard.size() - 1));
        assertFalse(closed.retryable());
        assertFalse(session.isOpen());
        advance(10_000);
        assertEquals(1, provider.connections.size());
    }

    @Test
    void attemptsBackOffAndGiveUpWhenSpent() {
        open(POLICY);
        provider.last().ready();
        provider.last().drop(true);
        advance(100);
        provider.last().drop(true);
        advance(199);
        assertEquals(2, provider.connections.size(), "the second wait is twice as long");
        advance(1);
        provider.last().drop(true);
        advance(400);
        provider.last().drop(true);

        ServerEvent.Closed closed = assertInstanceOf(ServerEvent.Closed.class, heard.get(heard.size() - 1));
        assertFalse(closed.retryable());
        assertTrue(closed.reason().contains("after 3 reconnect attempts"), closed.reason());
        assertEquals(4, provider.connections.size());
    }

    @Test
    void aSessionIsRecycledOnlyOnceTheResponseIsOver() {
        open(new ReconnectPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(60)));
        FakeTransport.Connection first = provider.last();
        first.ready();
        first.emit(new ServerEvent.ResponseStarted("r1"));
        advance(60_000);
        assertEquals(1, provider.connections.size(), "not while the agent is answering");

        first.emit(new ServerEvent.ResponseDone("r1", "completed", null));
        assertEquals(2, provider.connections.size());
        FakeTransport.Connection second = provider.last();
        session.send(new ClientEvent.AppendAudio(new byte[] {9}));
        assertEquals(1, first.sent.size(), "audio goes to the old connection until the new one is ready");

        second.ready();
        assertTrue(first.closed);
        session.send(new ClientEvent.AppendAudio(new byte[] {10}));
        assertEquals(1, second.sent.size());
        assertTrue(heard.stream().noneMatch(e -> e instanceof ServerEvent.Reconnecting
                || e instanceof ServerEvent.Closed), "invisible to the call: " + heard);
    }

    @Test
    void goingAwayMovesToANewConnectionWithTheResumptionHandle() {
        open(POLICY);
        FakeTransport.Connection first = provider.last();
        first.ready();
        first.emit(new ServerEvent.ResumptionHandle("h-42"));
        first.emit(new ServerEvent.GoingAway(Duration.ofSeconds(5)));

        assertEquals(2, provider.connections.size());
        assertEquals("h-42", provider.last().resume.handle());
    }

    @Test
    void closingBetweenAttemptsStillEndsWithOneClosed() {
        open(POLICY);
        provider.last().ready();
        provider.last().drop(true);
        session.close();

        assertEquals(1, heard.stream().filter(e -> e instanceof ServerEvent.Closed).count());
        advance(1_000);
        assertEquals(1, provider.connections.size(), "no attempt after close");
    }

    @Test
    void theFirstConnectionIsRetriedQuietly() {
        open(POLICY);
        provider.last().drop(true);
        advance(100);
        provider.last().ready();

        assertEquals(List.of(new ServerEvent.SessionReady()), heard, "ringing callers need no reconnect events");
    }
}
