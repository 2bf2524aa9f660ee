package dev.switchboard.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a tool's {@code parameters:} into plain immutable Java values (the JSON Schema the model
 * receives), keeping YAML's typing of numbers and booleans and the order of keys.
 */
final class Schemas {

    private Schemas() {
    }

    /** The parameters schema under {@code parameters}, or {@link ToolConfig#EMPTY_PARAMETERS} when absent. */
    static Map<String, Object> parameters(MapView tool) {
        YamlNode node = tool.node("parameters");
        if (node == null) {
            return ToolConfig.EMPTY_PARAMETERS;
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            tool.problems().report(node, "expected a JSON Schema map such as {type: object, properties: {}}, found "
                    + node.kind());
            return ToolConfig.EMPTY_PARAMETERS;
        }
        YamlNode type = mapping.entries().get("type");
        if (type instanceof YamlNode.Scalar scalar && !scalar.text().equals("object")) {
            tool.problems().report(type, "tool parameters must be an object schema (type: object), found "
                    + scalar.shown());
        }
        return map(mapping);
    }

    private static Object plain(YamlNode node) {
        return switch (node) {
            case YamlNode.Mapping mapping -> map(mapping);
            case YamlNode.Sequence sequence -> list(sequence);
            case YamlNode.Scalar scalar -> scalar(scalar);
        };
    }

    private static Map<String, Object> map(YamlNode.Mapping mapping) {
        Map<String, Object> map = new LinkedHashMap<>();
        mapping.entries().forEach((key, value) -> map.put(key, plain(value)));
        return Collections.unmodifiableMap(map);
    }

    private static List<Object> list(YamlNode.Sequence sequence) {
        List<Object> list = new ArrayList<>();
        sequence.items().forEach(item -> list.add(plain(item)));
        return Collections.unmodifiableList(list);
    }

    /** Numbers YAML accepts but Java does not parse (e.g. {@code 0x1F}, {@code 1_000}) stay text. */
    private static Object scalar(YamlNode.Scalar scalar) {
        try {
            return switch (scalar.type()) {
                case INTEGER -> Long.valueOf(scalar.text());
                case DECIMAL -> Double.valueOf(scalar.text());
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                case STRING -> scalar.text();
            };
        } catch (NumberFormatException e) {
            return scalar.text();
        }
    }
}
