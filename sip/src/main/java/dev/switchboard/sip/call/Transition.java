package dev.switchboard.sip.call;

import java.util.List;

/** The state machine's answer: the next state and what to do to get there, in order. */
public record Transition(CallState state, List<Effect> effects) {

    public Transition {
        effects = List.copyOf(effects);
    }

    static Transition stay(CallState state) {
        return new Transition(state, List.of());
    }

    /** Whether the event was ignored in this state. */
    public boolean ignored(CallState before) {
        return effects.isEmpty() && state.equals(before);
    }
}
