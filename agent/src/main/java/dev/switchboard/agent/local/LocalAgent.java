package dev.switchboard.agent.local;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A scripted agent of the local engine: a few rules standing in for a language model, so that a phone demo with a
 * tool call works offline and without an API key. A client selects it by connecting with {@code ?model=NAME}; its
 * answers are spoken by the engine's offline voice (FreeTTS {@code kevin16}).
 *
 * <p>A scripted agent does not understand speech. Server VAD still runs on the caller's audio — speech start and
 * stop events are sent, a caller turn is committed as a user audio item, and speaking over a response cancels it
 * when {@code interrupt_response} is on — but a finished speech turn never creates a response, whatever
 * {@code create_response} says. The agent reacts to text only: user {@code input_text} messages added with
 * {@code conversation.item.create} (keypad digits such as {@code "12345#"}, later perhaps recognised speech).
 *
 * <p>On {@code response.create} the agent answers, in this order of precedence:
 * <ol>
 *   <li><b>Say exactly.</b> When the request's {@code response.instructions} contain {@code Say exactly} followed by
 *       text in double quotes — e.g. {@code Say exactly this to the caller, and nothing else: "Welcome."} — it speaks
 *       the text between the first double quote after {@code Say exactly} and the last double quote. This is how a
 *       client asks for the {@link #greeting}; the engine never speaks it unprompted.</li>
 *   <li><b>A tool result.</b> When a {@code function_call_output} for a call this agent made has arrived and not been
 *       answered yet (the latest, if several), it speaks the calling rule's {@link Rule#say}, or its
 *       {@link Rule#sayError} when the output is a JSON object with a non-null top-level {@code "error"} field —
 *       "Sorry, that did not work." when the rule has no {@code sayError}. A rule without {@code say}
 *       answers a successful result with an empty response. Outputs for calls the agent did not make are kept in
 *       the conversation but ignored.</li>
 *   <li><b>User text.</b> When a user text has arrived and not been answered yet (the latest, if several), the
 *       first rule whose {@link Rule#when} matches the <em>whole</em> text answers; with none,
 *       "Sorry, I did not understand that."</li>
 *   <li>Otherwise a completed response without output.</li>
 * </ol>
 * A response answers, and so uses up, one tool result or one text; "Say exactly" uses up neither.
 *
 * @param name     the model name that selects this agent; must not be {@code echo}, which names the echo behaviour
 * @param greeting what a client should ask the agent to say first, or null; for the client's use
 * @param rules    tried in order
 */
public record LocalAgent(String name, String greeting, List<Rule> rules) {

    public LocalAgent {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a local agent needs a name");
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * One rule of a script. A matching rule answers with one response: {@code before} spoken first, if set; then
     * a function call to {@code call}, if set — the answer to its output comes from {@code say} or
     * {@code sayError} — or, for a rule without a call, {@code say} spoken at once.
     *
     * <p><b>Arguments</b> of the call, a JSON object of strings: each named group of {@code when} that took part in
     * the match, then the fixed {@code args} (which win on a clash of names). Java allows only letters and digits in
     * group names, so a group may be compiled under another name and renamed by {@code groupNames}: a configuration
     * that lets users write {@code (?<order_id>[0-9]+)#} compiles {@code (?<g1>[0-9]+)#} and passes
     * {@code {g1: order_id}}, and the call gets {@code {"order_id":"12345"}} for {@code "12345#"}.
     *
     * <p><b>Placeholders</b> {@code {name}} in {@code before}, {@code say} and {@code sayError} are filled from the
     * named groups; when answering a call's output also from the call's fixed args and, if the output is a JSON
     * object, from its top-level string, number and boolean fields, which win over the others. A placeholder
     * without a value is left as written, so a typo shows in the transcript.
     *
     * @param when       matched against the whole user text; required
     * @param groupNames the name to use for a named group of {@code when}, by the name it was compiled under; a
     *                   group not listed keeps its own name; null for none
     * @param call       the function to call, or null
     * @param args       fixed arguments, or null for none
     * @param before     spoken before the call, or null
     * @param say        spoken as the answer: after the call's output, or at once for a rule without a call; or null
     * @param sayError   spoken when the call's output reports an error, or null for a generic apology
     * @throws IllegalArgumentException for a blank {@code call}, {@code args} or {@code sayError} without one, or
     *                                  {@code groupNames} naming a group {@code when} does not have
     */
    public record Rule(Pattern when, Map<String, String> groupNames, String call, Map<String, String> args,
                       String before, String say, String sayError) {

        public Rule {
            Objects.requireNonNull(when, "a rule needs a 'when' pattern");
            groupNames = groupNames == null ? Map.of() : Map.copyOf(groupNames);
            if (!when.namedGroups().keySet().containsAll(groupNames.keySet())) {
                throw new IllegalArgumentException("groupNames " + groupNames.keySet() + " name groups that '"
                        + when.pattern() + "' does not have");
            }
            if (call != null && call.isBlank()) {
                throw new IllegalArgumentException("a rule's call must name a function, got a blank name");
            }
            if (call == null && (sayError != null || args != null && !args.isEmpty())) {
                throw new IllegalArgumentException("the rule for '" + when.pattern()
                        + "' has args or sayError but no call");
            }
            args = args == null ? Map.of() : Map.copyOf(args);
        }

        /** A rule whose groups keep the names they were compiled under. */
        public Rule(Pattern when, String call, Map<String, String> args, String before, String say,
                    String sayError) {
            this(when, null, call, args, before, say, sayError);
        }
    }
}
