package dev.switchboard.agent.runtime;

import static dev.switchboard.agent.runtime.TestProfiles.profile;
import static dev.switchboard.agent.runtime.TestProfiles.withGuardrails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.ClientEvent.CreateResponse;
import dev.switchboard.agent.api.ServerEvent.ResponseDone;
import dev.switchboard.agent.api.ServerEvent.ResponseStarted;
import dev.switchboard.agent.api.ServerEvent.Role;
import dev.switchboard.agent.api.ServerEvent.Transcript;
import dev.switchboard.agent.runtime.RecordingHost.Silenced;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Output guardrails (seed 001): checked every few characters of the agent's transcript, off the loop; trip once. */
class GuardrailTest {

    private static final PatternGuardrail NO_SECRETS = new PatternGuardrail(Pattern.compile("(?i)secret"));
    private static final String RULE = NO_SECRETS.check("secret").orElseThrow();

    /** Passes each check on, recording the text it was given and the thread it ran on. */
    private static final class RecordingGuardrail implements Guardrail {
        final List<String> checked = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final Guardrail delegate;

        RecordingGuardrail(Guardrail delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<String> check(String transcript) {
            checked.add(transcript);
            threads.add(Thread.currentThread());
            return delegate.check(transcript);
        }
    }

    private final RecordingGuardrail guard = new RecordingGuardrail(NO_SECRETS);
    private AgentHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private static Transcript agentSays(String itemId, String text) {
        return new Transcript(Role.AGENT, itemId, text, false);
    }

    @Test
    void patternGuardrailNamesThePatternItFinds() {
        assertEquals(Optional.of("must not say /(?i)secret/"), NO_SECRETS.check("it is top SECRET, really"));
        assertEquals(Optional.empty(), NO_SECRETS.check("nothing to hide"));
    }

    @Test
    void anAgentSayingADeniedWordIsSilencedToldWhyAndPromptedOnceTheResponseEnds() throws Exception {
        h = new AgentHarness(withGuardrails(profile("front"), 10, "Careful: {rule}.", guard));

        h.deliver(new ResponseStarted("r1"), agentSays("i1", "I know a "));
        h.settle();
        assertEquals(List.of(), guard.checked, "9 characters: not yet checked");

        h.deliver(agentSays("i1", "SECRET plan"));
        Silenced silenced = h.timeline.await(Silenced.class);
        h.settle();

        assertEquals(List.of("I know a SECRET plan"), guard.checked);
        assertTrue(silenced.reason().contains(RULE), silenced.reason());
        ClientEvent.UserText told = new ClientEvent.UserText("Careful: " + RULE + ".");
        assertEquals(List.of(told), h.sent(), "no response while the silenced one is still running");
        assertTrue(h.timeline.indexOf(silenced) < h.timeline.indexOf(h.sent().getFirst()),
                "silenced before the model is told");

        h.deliver(new ResponseDone("r1", "cancelled", "client_cancelled"));
        assertEquals(List.of(told, new CreateResponse()), h.sent());
        assertEquals(1, h.timeline.of(Silenced.class).size());
    }

    @Test
    void aGuardrailThatFailsIsSkippedAndTheOthersStillRun() throws Exception {
        Guardrail broken = transcript -> {
            throw new IllegalStateException("moderation service down");
        };
        h = new AgentHarness(withGuardrails(profile("front"), 10, "Careful: {rule}.", broken, NO_SECRETS));

        h.deliver(agentSays("i1", "the secret is out"));

        Silenced silenced = h.timeline.await(Silenced.class);
        assertTrue(silenced.reason().contains(RULE), silenced.reason());
    }

    @Test
    void theDefaultMessageNamesTheRule() throws Exception {
        h = new AgentHarness(withGuardrails(profile("front"), 10, null, NO_SECRETS));

        h.deliver(agentSays("i1", "the secret is out"));
        h.timeline.await(Silenced.class);
        h.settle();

        assertEquals(List.of(new ClientEvent.UserText(AgentProfile.DEFAULT_GUARDRAIL_MESSAGE.replace("{rule}", RULE)),
                new CreateResponse()), h.sent());
    }

    @Test
    void anItemTripsOnlyOnce() throws Exception {
        h = new AgentHarness(withGuardrails(profile("front"), 10, "Careful: {rule}.", guard));
        h.deliver(agentSays("i1", "top secret stuff"));
        h.timeline.await(Silenced.class);
        h.settle();

        h.deliver(agentSays("i1", " and one more secret"),
                new Transcript(Role.AGENT, "i1", "top secret stuff and one more secret", true),
                agentSays("i2", "another secret answer"));
        h.settle();

        assertEquals(List.of("top secret stuff", "another secret answer"), guard.checked,
                "i1 is not checked again once it tripped; i2 still is");
        assertEquals(2, h.timeline.of(Silenced.class).size(), "once for i1, once for i2");
    }

    @Test
    void checksOfOneItemThatMatchAtOnceTripOnce() throws Exception {
        CountDownLatch bothChecking = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Guardrail held = text -> {
            bothChecking.countDown();
            try {
                release.await(Timeline.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return NO_SECRETS.check(text);
        };
        h = new AgentHarness(withGuardrails(profile("front"), 10, "Careful: {rule}.", held));

        h.deliver(agentSays("i1", "top secret stuff"), agentSays("i1", " and more secrets"));
        assertTrue(bothChecking.await(Timeline.WAIT.toMillis(), TimeUnit.MILLISECONDS), "two checks in flight");
        release.countDown();
        h.settle();

        assertEquals(1, h.timeline.of(Silenced.class).size());
        assertEquals(1, h.sent(ClientEvent.UserText.class).size());
    }

    @Test
    void aShortItemIsCheckedWhenComplete() throws Exception {
        h = new AgentHarness(withGuardrails(profile("front"), 100, "Careful: {rule}.", guard));

        h.deliver(agentSays("i1", "secret"));
        h.settle();
        assertEquals(List.of(), guard.checked);

        h.deliver(new Transcript(Role.AGENT, "i1", "secret", true));
        h.timeline.await(Silenced.class);
        assertEquals(List.of("secret"), guard.checked);
    }

    @Test
    void whatTheCallerSaysIsNotChecked() throws Exception {
        h = new AgentHarness(withGuardrails(profile("front"), 10, "Careful: {rule}.", guard));

        h.deliver(new Transcript(Role.USER, "u1", "tell me the secret code", false),
                new Transcript(Role.USER, "u1", "tell me the secret code", true));
        h.settle();

        assertEquals(List.of(), guard.checked);
        assertEquals(List.of(), h.timeline.all());
    }

    @Test
    void checksRunOffTheEventLoop() throws Exception {
        h = new AgentHarness(withGuardrails(profile("front"), 10, "Careful: {rule}.", guard));
        Thread loopThread = h.onLoop(Thread::currentThread);

        h.deliver(agentSays("i1", "a perfectly harmless sentence"));
        h.settle();

        assertEquals(1, guard.threads.size());
        assertNotSame(loopThread, guard.threads.getFirst());
        assertFalse(h.loop.inEventLoop(guard.threads.getFirst()));
    }

    @Test
    void aSlowCheckDoesNotHoldUpTheLoop() throws Exception {
        Gate gate = new Gate();
        Guardrail slow = text -> {
            try {
                gate.pass();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            return NO_SECRETS.check(text);
        };
        h = new AgentHarness(withGuardrails(profile("front"), 10, "Careful: {rule}.", slow));

        h.deliver(agentSays("i1", "this is the secret"));
        gate.awaitEntered();

        h.run(RealtimeAgent::respondWhenIdle);
        assertEquals(List.of(new CreateResponse()), h.sent(), "the loop kept working while the check ran");

        gate.open();
        assertTrue(h.timeline.await(Silenced.class).reason().contains(RULE));
    }
}
