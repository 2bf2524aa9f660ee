package dev.switchboard.agent.runtime;

import io.netty.channel.EventLoop;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks what the agent says as it says it (seed 001): the transcript of each agent item is gathered, and every
 * {@code every} characters (and once more when the item is complete) the guardrails run on it — off the event
 * loop, so audio never waits for them. The first rule broken in an item trips once; later checks of that item are
 * skipped.
 *
 * <p>Threading: confined to the call's event loop, except the checks themselves.
 */
final class GuardrailMonitor {

    /** Told, on the loop, when an item breaks a rule. */
    interface Tripped {
        void tripped(String itemId, String rule);
    }

    private static final Logger log = LoggerFactory.getLogger(GuardrailMonitor.class);

    private final List<Guardrail> guardrails;
    private final int every;
    private final EventLoop loop;
    private final ExecutorService executor;
    private final Tripped tripped;
    private final Map<String, StringBuilder> transcripts = new HashMap<>();
    private final Map<String, Integer> checkedUpTo = new HashMap<>();
    private final Set<String> trippedItems = new HashSet<>();
    private boolean closed;

    GuardrailMonitor(List<Guardrail> guardrails, int every, EventLoop loop, ExecutorService executor,
            Tripped tripped) {
        this.guardrails = guardrails;
        this.every = Math.max(1, every);
        this.loop = loop;
        this.executor = executor;
        this.tripped = tripped;
    }

    /** A piece of the agent's transcript; {@code done} carries the item's complete text. */
    void transcript(String itemId, String text, boolean done) {
        if (guardrails.isEmpty() || closed || itemId == null) {
            return;
        }
        if (trippedItems.contains(itemId)) {
            if (done) {
                trippedItems.remove(itemId);
            }
            return;
        }
        StringBuilder sofar = transcripts.computeIfAbsent(itemId, id -> new StringBuilder());
        if (done) {
            sofar.setLength(0);
            sofar.append(text);
        } else {
            sofar.append(text);
        }
        int checked = checkedUpTo.getOrDefault(itemId, 0);
        if (done || sofar.length() >= checked + every) {
            checkedUpTo.put(itemId, sofar.length());
            check(itemId, sofar.toString());
        }
        if (done) {
            transcripts.remove(itemId);
            checkedUpTo.remove(itemId);
        }
    }

    /** No more checks, and results of checks still running are ignored (the call ended, or a handoff). */
    void close() {
        closed = true;
        reset();
    }

    private void check(String itemId, String text) {
        executor.execute(() -> {
            Optional<String> broken = firstBroken(text);
            broken.ifPresent(rule -> loop.execute(() -> {
                if (!closed && trippedItems.add(itemId)) {
                    tripped.tripped(itemId, rule);
                }
            }));
        });
    }

    /** The first rule broken; a guardrail that fails is logged and skipped, the others still run (seed 001). */
    private Optional<String> firstBroken(String text) {
        for (Guardrail guardrail : guardrails) {
            try {
                Optional<String> broken = guardrail.check(text);
                if (broken.isPresent()) {
                    return broken;
                }
            } catch (RuntimeException e) {
                log.warn("guardrail {} failed and was skipped: {}", guardrail, e.toString());
            }
        }
        return Optional.empty();
    }

    /** Forgets partial transcripts, e.g. after the agent was interrupted. */
    void reset() {
        transcripts.clear();
        checkedUpTo.clear();
    }
}
