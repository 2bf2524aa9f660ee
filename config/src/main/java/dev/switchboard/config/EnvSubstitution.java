package dev.switchboard.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a scalar with environment values, the
 * way POSIX shells and Docker Compose do: the default applies when the variable is unset or empty.
 * <code>$${</code> stands for a literal <code>${</code>. Errors name variables, never their values.
 */
final class EnvSubstitution {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * @param value     the text with references replaced (unusable when {@code errors} is non-empty)
     * @param variables names of all variables referenced, in order
     * @param errors    what went wrong, e.g. an unset variable without default
     */
    record Result(String value, List<String> variables, List<String> errors) {
    }

    private EnvSubstitution() {
    }

    static Result apply(String text, Function<String, String> env) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> variables = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    errors.add("unclosed '${' (write '$${' for a literal '${')");
                    break;
                }
                out.append(resolve(text.substring(i + 2, end), env, variables, errors));
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return new Result(out.toString(), variables, errors);
    }

    private static String resolve(String reference, Function<String, String> env,
                                  List<String> variables, List<String> errors) {
        int separator = reference.indexOf(":-");
        String name = separator < 0 ? reference : reference.substring(0, separator);
        String fallback = separator < 0 ? null : reference.substring(separator + 2);
        if (!NAME.matcher(name).matches()) {
            errors.add("invalid reference '${" + reference + "}' (use ${NAME} or ${NAME:-default})");
            return "";
        }
        variables.add(name);
        String value = env.apply(name);
        if (fallback != null && (value == null || value.isEmpty())) {
            return fallback;
        }
        if (value == null) {
            errors.add("environment variable " + name + " is not set");
            return "";
        }
        return value;
    }
}
