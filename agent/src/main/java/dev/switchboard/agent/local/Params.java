package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks on the fields of client events. Each failure is a {@link RequestException} with the OpenAI error codes
 * {@code missing_required_parameter}, {@code invalid_type} or {@code invalid_value} and the parameter's path.
 */
final class Params {

    private Params() {
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode();
    }

    static ObjectNode requireObject(JsonNode node, String param) {
        requirePresent(node, param);
        if (!node.isObject()) {
            throw wrongType(param, "an object", node);
        }
        return (ObjectNode) node;
    }

    static String requireText(JsonNode node, String param) {
        requirePresent(node, param);
        if (!node.isTextual()) {
            throw wrongType(param, "a string", node);
        }
        return node.textValue();
    }

    /** An optional string field: null when absent or JSON null. */
    static String optionalText(JsonNode node, String param) {
        return isAbsent(node) || node.isNull() ? null : requireText(node, param);
    }

    static boolean requireBoolean(JsonNode node, String param) {
        requirePresent(node, param);
        if (!node.isBoolean()) {
            throw wrongType(param, "a boolean", node);
        }
        return node.booleanValue();
    }

    static double requireNumberIn(JsonNode node, String param, double min, double max) {
        requirePresent(node, param);
        if (!node.isNumber()) {
            throw wrongType(param, "a number", node);
        }
        double value = node.doubleValue();
        if (value < min || value > max) {
            throw new RequestException("invalid_value",
                    "Invalid '" + param + "': " + value + " is outside " + min + ".." + max + ".", param);
        }
        return value;
    }

    static long requireIntegerIn(JsonNode node, String param, long min, long max) {
        requirePresent(node, param);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(param, "an integer", node);
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw new RequestException("invalid_value",
                    "Invalid '" + param + "': " + value + " is outside " + min + ".." + max + ".", param);
        }
        return value;
    }

    static RequestException unknownParameter(String param) {
        return new RequestException("unknown_parameter", "Unknown parameter: '" + param + "'.", param);
    }

    private static void requirePresent(JsonNode node, String param) {
        if (isAbsent(node)) {
            throw new RequestException("missing_required_parameter",
                    "Missing required parameter: '" + param + "'.", param);
        }
    }

    private static RequestException wrongType(String param, String expected, JsonNode actual) {
        return new RequestException("invalid_type", "Invalid type for '" + param + "': expected " + expected
                + ", but got " + describe(actual) + ".", param);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "an unsupported value";
        };
    }
}
