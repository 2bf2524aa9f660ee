package dev.switchboard.agent.runtime;

/**
 * What an agent says first, before the caller speaks: a fixed text, or an instruction from which the model
 * composes the greeting. At most one is set.
 */
public record Greeting(String text, String instructions) {

    public static final Greeting NONE = new Greeting(null, null);

    public boolean isPresent() {
        return text != null || instructions != null;
    }

    /**
     * The instructions of the greeting's response. A fixed text becomes "say exactly" with the text in double
     * quotes; the local engine recognises that form and speaks the quoted text verbatim.
     */
    public String responseInstructions() {
        if (text != null) {
            return "Say exactly this to the caller, and nothing else: \"" + text.replace('"', '\'') + "\"";
        }
        return instructions;
    }
}
