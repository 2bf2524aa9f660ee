package dev.switchboard.config;

import java.util.List;
import java.util.Map;

/**
 * The YAML document as a tree that remembers, for every node, its dotted path and the line it
 * came from, so any later problem can point at the file. For a map entry the line is the line of
 * its key; for a list item, the line where the item starts.
 */
sealed interface YamlNode {

    String path();

    int line();

    /** How this node is described in "expected X, found Y" messages. */
    String kind();

    record Mapping(String path, int line, Map<String, YamlNode> entries) implements YamlNode {
        @Override
        public String kind() {
            return "a map";
        }
    }

    record Sequence(String path, int line, List<YamlNode> items) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A leaf value, with its text exactly as written (so {@code yes} stays "yes" where a string is
     * expected) after environment substitution.
     *
     * @param type         how YAML typed the plain scalar; substituted values are always STRING
     * @param envVariables environment variables referenced by the text; when non-empty, the text
     *                     must never be shown in a message
     * @param unresolved   substitution failed and the problem was already reported, so the value
     *                     must be ignored rather than reported again
     */
    record Scalar(String path, int line, String text, Type type, List<String> envVariables,
                  boolean unresolved) implements YamlNode {

        enum Type { STRING, INTEGER, DECIMAL, TRUE, FALSE, NULL }

        public Scalar {
            envVariables = List.copyOf(envVariables);
        }

        boolean isNull() {
            return type == Type.NULL;
        }

        boolean fromEnvironment() {
            return !envVariables.isEmpty();
        }

        /** The value quoted for a message, or where it came from when it holds environment values. */
        String shown() {
            return fromEnvironment() ? "the value from ${" + String.join("}, ${", envVariables) + "}"
                    : "'" + text + "'";
        }

        @Override
        public String kind() {
            return isNull() ? "nothing" : "a single value";
        }
    }
}
