package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * Checks the items a client adds with {@code conversation.item.create} (reference §2.6, §2.10) far enough that the
 * engine can rely on the fields it reads: a message's role and content parts, a function call's id, name and
 * arguments, a function call output's call id and output. Anything else in an item is kept as given.
 */
final class ClientItems {

    private static final List<String> TYPES = List.of("message", "function_call", "function_call_output");
    private static final Set<String> ROLES = Set.of("user", "assistant", "system");
    private static final Set<String> TEXT_PARTS = Set.of("input_text", "output_text");

    private ClientItems() {
    }

    /**
     * @throws RequestException naming the first field that is missing or wrong
     */
    static void validate(ObjectNode item) {
        String type = Params.requireText(item.get("type"), "item.type");
        switch (type) {
            case "message" -> validateMessage(item);
            case "function_call" -> {
                Params.requireText(item.get("call_id"), "item.call_id");
                Params.requireText(item.get("name"), "item.name");
                Params.requireText(item.get("arguments"), "item.arguments");
            }
            case "function_call_output" -> {
                Params.requireText(item.get("call_id"), "item.call_id");
                Params.requireText(item.get("output"), "item.output");
            }
            default -> throw new RequestException("invalid_value", "Invalid 'item.type': '" + type
                    + "'. Supported: " + TYPES + ".", "item.type");
        }
    }

    private static void validateMessage(ObjectNode item) {
        String role = Params.requireText(item.get("role"), "item.role");
        if (!ROLES.contains(role)) {
            throw new RequestException("invalid_value", "Invalid 'item.role': '" + role + "'. Supported: "
                    + ROLES + ".", "item.role");
        }
        JsonNode content = item.get("content");
        if (Params.isAbsent(content) || !content.isArray()) {
            throw new RequestException("invalid_type", "Invalid 'item.content': expected an array of content parts.",
                    "item.content");
        }
        for (int i = 0; i < content.size(); i++) {
            String param = "item.content[" + i + "]";
            ObjectNode part = Params.requireObject(content.get(i), param);
            String partType = Params.requireText(part.get("type"), param + ".type");
            if (TEXT_PARTS.contains(partType)) {
                Params.requireText(part.get("text"), param + ".text");
            }
        }
    }
}
