package dev.switchboard.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry under {@code tools:}: a function the model may call, implemented either by a webhook
 * or by a local lookup table. Exactly one of {@code webhook} and {@code table} is set.
 *
 * @param description what the tool does, shown to the model; may be null
 * @param parameters  JSON Schema of the arguments as plain Java values (maps, lists, strings,
 *                    numbers, booleans, nulls), immutable and in file order; default
 *                    {@link #EMPTY_PARAMETERS}
 * @param webhook     where calls are sent; null when the tool is a table
 * @param table       the table calls are answered from; null when the tool is a webhook
 */
public record ToolConfig(String description, Map<String, Object> parameters, WebhookConfig webhook,
                         TableConfig table) {

    /** Tools implemented by Switchboard itself; agents may list them without declaring them. */
    public static final Set<String> BUILT_INS = Set.of("end_call", "transfer_call", "send_dtmf");

    /** The built-in that transfers the call; an agent listing it needs transfer targets. */
    public static final String TRANSFER_CALL = "transfer_call";

    /** The schema of a tool without arguments; realtime APIs expect an object schema. */
    public static final Map<String, Object> EMPTY_PARAMETERS = emptyObjectSchema();

    public ToolConfig {
        Objects.requireNonNull(parameters, "parameters");
        if ((webhook == null) == (table == null)) {
            throw new IllegalArgumentException("a tool needs exactly one of webhook and table");
        }
    }

    private static Map<String, Object> emptyObjectSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of());
        return Collections.unmodifiableMap(schema);
    }
}
