package dev.switchboard.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds {@code tools:}: each tool is answered by a webhook or by a local lookup table, whose file
 * is checked at load time so a call never finds it missing.
 */
final class ToolSections {

    static final List<String> TOOL_KEYS = List.of("description", "parameters", "webhook", "table");
    static final List<String> WEBHOOK_KEYS = List.of("url", "timeout", "headers");
    static final List<String> TABLE_KEYS = List.of("file", "key");

    /** The function-name rule of the realtime APIs tools are declared to. */
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** HTTP token characters (RFC 9110 §5.6.2), which header names consist of. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final List<String> TABLE_FORMATS = List.of(".json", ".csv");

    private ToolSections() {
    }

    /** @param baseDirectory what relative table files are resolved against */
    static Map<String, ToolConfig> tools(MapView top, Map<String, YamlNode> entries, Path baseDirectory) {
        Map<String, ToolConfig> tools = new LinkedHashMap<>();
        entries.forEach((name, node) -> {
            if (ToolConfig.BUILT_INS.contains(name)) {
                top.problems().report(node, "'" + name + "' is a built-in tool; give your tool another name");
            } else if (!TOOL_NAME.matcher(name).matches()) {
                top.problems().report(node, "tool name '" + name + "' must be 1-64 letters, digits, '_' or '-'");
            }
            ToolConfig tool = tool(top.entry(node, TOOL_KEYS), node, baseDirectory);
            if (tool != null) {
                tools.put(name, tool);
            }
        });
        return tools;
    }

    private static ToolConfig tool(MapView t, YamlNode node, Path baseDirectory) {
        String description = t.string("description", null);
        Map<String, Object> parameters = Schemas.parameters(t);
        boolean hasWebhook = t.node("webhook") != null;
        boolean hasTable = t.node("table") != null;
        if (hasWebhook == hasTable && isMapOrEmpty(node)) {
            t.problems().report(node, hasWebhook ? "has both 'webhook' and 'table'; a tool needs exactly one"
                    : "missing 'webhook' or 'table' (a tool needs exactly one)");
        }
        WebhookConfig webhook = hasWebhook ? webhook(t.section("webhook", WEBHOOK_KEYS)) : null;
        TableConfig table = hasTable
                ? table(t.section("table", TABLE_KEYS), declaredProperties(t, parameters), baseDirectory) : null;
        return (webhook == null) == (table == null) ? null : new ToolConfig(description, parameters, webhook, table);
    }

    /** Anything else was already reported as not being a map. */
    private static boolean isMapOrEmpty(YamlNode node) {
        return node instanceof YamlNode.Mapping || node instanceof YamlNode.Scalar scalar && scalar.isNull();
    }

    private static WebhookConfig webhook(MapView w) {
        String url = w.require("url") ? w.url("url", null, List.of("https", "http")) : null;
        Duration timeout = w.duration("timeout", WebhookConfig.DEFAULT_TIMEOUT);
        Map<String, String> headers = new LinkedHashMap<>();
        w.scalarMap("headers").forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                w.problems().report(value, "invalid HTTP header name '" + name + "'");
            } else if (value.text().indexOf('\r') >= 0 || value.text().indexOf('\n') >= 0) {
                w.problems().report(value, "header value must not contain line breaks");
            } else {
                headers.put(name, value.text());
            }
        });
        return url == null ? null : new WebhookConfig(url, timeout, headers);
    }

    /** The names under {@code parameters.properties}, or null when the tool does not declare them. */
    private static Map<?, ?> declaredProperties(MapView t, Map<String, Object> parameters) {
        return t.node("parameters") != null && parameters.get("properties") instanceof Map<?, ?> properties
                ? properties : null;
    }

    private static TableConfig table(MapView t, Map<?, ?> properties, Path baseDirectory) {
        Path file = t.requiredString("file") == null ? null
                : t.parse(t.scalar("file"), null, "a readable .json or .csv file",
                        text -> tableFile(text, baseDirectory));
        String key = t.requiredString("key");
        if (key != null && properties != null && !properties.containsKey(key)) {
            List<String> names = properties.keySet().stream().map(String::valueOf).toList();
            t.problems().report(t.scalar("key"), "key '" + key + "' is not a property of the tool's parameters"
                    + Suggestions.didYouMean(key, names) + " (properties: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
            key = null;
        }
        return file == null || key == null ? null : new TableConfig(file, key);
    }

    /** The table file, resolved and checked to be a readable JSON or CSV file. */
    private static Path tableFile(String text, Path baseDirectory) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (TABLE_FORMATS.stream().noneMatch(lower::endsWith)) {
            throw new IllegalArgumentException("table file '" + text + "' must end in .json or .csv");
        }
        Path file;
        try {
            file = baseDirectory.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid path '" + text + "': " + e.getReason());
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("table file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("table file is not a regular file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("table file cannot be read: " + file);
        }
        return file;
    }
}
