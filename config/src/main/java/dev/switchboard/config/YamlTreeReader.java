package dev.switchboard.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree by walking Jackson's token stream, recording the
 * line of every node and substituting environment variables into string scalars on the way.
 * Syntax errors, duplicate keys, aliases, unset variables and extra documents become problems.
 */
final class YamlTreeReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final Function<String, String> env;
    private final Problems problems;

    YamlTreeReader(Function<String, String> env, Problems problems) {
        this.env = env;
        this.problems = problems;
    }

    /** The document's root node, or null when there is none (the problem is then reported). */
    YamlNode read(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                problems.report("", 0, "the configuration is empty");
                return null;
            }
            YamlNode root = readValue(parser, "", line(parser));
            if (parser.nextToken() != null) {
                problems.report("", line(parser), "only one YAML document is allowed, found a second after '---'");
            }
            return root;
        } catch (JsonProcessingException e) {
            reportSyntaxError(e);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e);
        }
    }

    private YamlNode readValue(JsonParser parser, String path, int line) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> readMapping(parser, path, line);
            case START_ARRAY -> readSequence(parser, path, line);
            default -> readScalar(parser, path, line);
        };
    }

    private YamlNode readMapping(JsonParser parser, String path, int line) throws IOException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line(parser);
            parser.nextToken();
            YamlNode value = readValue(parser, path.isEmpty() ? key : path + "." + key, keyLine);
            YamlNode first = entries.putIfAbsent(key, value);
            if (first != null) {
                problems.report(value, "duplicate key '" + key + "' (first defined on line " + first.line() + ")");
            }
        }
        return new YamlNode.Mapping(path, line, entries);
    }

    private YamlNode readSequence(JsonParser parser, String path, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser, path + "[" + items.size() + "]", line(parser)));
        }
        return new YamlNode.Sequence(path, line, items);
    }

    private YamlNode readScalar(JsonParser parser, String path, int line) throws IOException {
        String text = parser.getText();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.report(path, line, "YAML aliases (*" + text + ") are not supported; write the value out");
            return new YamlNode.Scalar(path, line, text, YamlNode.Scalar.Type.STRING, List.of(), true);
        }
        YamlNode.Scalar.Type type = switch (parser.currentToken()) {
            case VALUE_NUMBER_INT -> YamlNode.Scalar.Type.INTEGER;
            case VALUE_NUMBER_FLOAT -> YamlNode.Scalar.Type.DECIMAL;
            case VALUE_TRUE -> YamlNode.Scalar.Type.TRUE;
            case VALUE_FALSE -> YamlNode.Scalar.Type.FALSE;
            case VALUE_NULL -> YamlNode.Scalar.Type.NULL;
            default -> YamlNode.Scalar.Type.STRING;
        };
        if (type != YamlNode.Scalar.Type.STRING || !text.contains("${")) {
            return new YamlNode.Scalar(path, line, text, type, List.of(), false);
        }
        EnvSubstitution.Result result = EnvSubstitution.apply(text, env);
        result.errors().forEach(error -> problems.report(path, line, error));
        return new YamlNode.Scalar(path, line, result.value(), type, result.variables(), !result.errors().isEmpty());
    }

    /**
     * SnakeYAML, which Jackson's YAML parser is built on, knows where the problem is; Jackson's own
     * location is that of the last good token, which can be lines earlier.
     */
    private void reportSyntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String problem = Objects.toString(marked.getProblem(), "").strip();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext().strip() + ")";
            problems.report("", marked.getProblemMark().getLine() + 1,
                    "YAML syntax error: " + (problem + context).replace('\n', ' '));
        } else {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = Objects.toString(e.getOriginalMessage(), "").lines().findFirst().orElse("");
            problems.report("", line, "YAML syntax error: " + message);
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
