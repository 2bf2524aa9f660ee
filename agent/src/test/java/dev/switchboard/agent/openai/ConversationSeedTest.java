package dev.switchboard.agent.openai;

import dev.switchboard.agent.api.HistoryEntry;
import dev.switchboard.agent.api.HistoryEntry.AgentSaid;
import dev.switchboard.agent.api.HistoryEntry.ToolAnswered;
import dev.switchboard.agent.api.HistoryEntry.ToolCalled;
import dev.switchboard.agent.api.HistoryEntry.UserSaid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a replacement session is given of the conversation: the bounded recent past, as items or as text. */
class ConversationSeedTest {

    private static final List<HistoryEntry> CALL = List.of(
            new UserSaid("Where is my order?"),
            new AgentSaid("Which order number?"),
            new UserSaid("1 2 3"),
            new ToolCalled("call_1", "lookup_order", "{\"order_id\":\"123\"}"),
            new ToolAnswered("call_1", "{\"status\":\"shipped\"}"),
            new AgentSaid("It shipped on Monday."));

    @Test
    void aShortConversationIsKeptWholeAndInOrder() {
        assertEquals(CALL, ConversationSeed.recent(CALL));
    }

    @Test
    void onlyTheNewestEntriesAreKept() {
        List<HistoryEntry> history = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            history.add(new UserSaid("turn " + i));
        }
        List<HistoryEntry> recent = ConversationSeed.recent(history);
        assertEquals(ConversationSeed.MAX_ENTRIES, recent.size());
        assertEquals(new UserSaid("turn 70"), recent.getFirst());
        assertEquals(new UserSaid("turn 119"), recent.getLast());
    }

    @Test
    void onlyAsMuchTextAsTheBoundIsKept() {
        String tenThousand = "x".repeat(10_000);
        List<HistoryEntry> history = List.of(new UserSaid("oldest"), new AgentSaid(tenThousand),
                new UserSaid(tenThousand), new AgentSaid("newest"));
        assertEquals(List.of(new UserSaid(tenThousand), new AgentSaid("newest")), ConversationSeed.recent(history),
                "20 006 characters would exceed the bound; the oldest that do not fit go");
    }

    @Test
    void anAnswerWhoseCallFellOutsideTheBoundIsDropped() {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new ToolCalled("call_old", "lookup_order", "x".repeat(ConversationSeed.MAX_CHARS)));
        history.add(new ToolAnswered("call_old", "shipped"));
        history.add(new UserSaid("thanks"));
        assertEquals(List.of(new UserSaid("thanks")), ConversationSeed.recent(history));
    }

    @Test
    void aCallStillWaitingForItsAnswerIsKept() {
        List<HistoryEntry> history = List.of(new UserSaid("check 9"), new ToolCalled("call_9", "lookup_order", "{}"));
        assertEquals(history, ConversationSeed.recent(history), "its answer may still arrive on the new session");
    }

    @Test
    void entriesWithNothingToSayAreSkipped() {
        List<HistoryEntry> history = List.of(new UserSaid(" "), new AgentSaid(null), new ToolCalled(null, "x", "{}"),
                new ToolAnswered(" ", "orphan"), new UserSaid("hello"));
        assertEquals(List.of(new UserSaid("hello")), ConversationSeed.recent(history));
    }

    @Test
    void foldingNothingLeavesTheInstructionsAsTheyAre() {
        assertEquals("Be brief.", ConversationSeed.fold("Be brief.", List.of()));
        assertEquals("Be brief.", ConversationSeed.fold("Be brief.", List.of(new UserSaid(""))));
    }

    @Test
    void foldingRendersTheTranscriptAfterTheInstructions() {
        String folded = ConversationSeed.fold("You are Acme's phone assistant.", CALL);
        assertTrue(folded.startsWith("You are Acme's phone assistant.\n\n## Conversation so far"), folded);
        assertTrue(folded.contains("""
                Caller: Where is my order?
                You: Which order number?
                Caller: 1 2 3
                [tool call] lookup_order({"order_id":"123"})
                [tool result] {"status":"shipped"}
                You: It shipped on Monday.
                """), folded);
        assertTrue(folded.contains("do not greet the caller again"), folded);
        assertTrue(folded.endsWith("continue the call now."), folded);
    }

    @Test
    void foldingIntoEmptyInstructionsStartsWithTheTranscriptFraming() {
        String folded = ConversationSeed.fold("", List.of(new UserSaid("hi")));
        assertTrue(folded.startsWith("## Conversation so far"), folded);
        assertFalse(folded.contains("\n\n\n"), folded);
    }

    @Test
    void foldingIsBoundedLikeTheItems() {
        List<HistoryEntry> history = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            history.add(new UserSaid("turn " + i));
        }
        String folded = ConversationSeed.fold("", history);
        assertFalse(folded.contains("Caller: turn 9\n"), folded);
        assertTrue(folded.contains("Caller: turn 10\n"), folded);
    }
}
