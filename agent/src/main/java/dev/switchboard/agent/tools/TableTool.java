package dev.switchboard.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchboard.agent.api.ToolDefinition;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool that looks one argument up in a table the operator ships (orders, opening hours, stock): the model sends
 * the key, and reads the matching row as JSON. The table is a {@code .json} or {@code .csv} file (formats in
 * {@link TableFile}), loaded once when the tool is built and kept in memory, so a call never touches the disk.
 *
 * <p>The key argument may be a string or a number; numbers are compared as their plain decimal text, strings
 * after trimming, both exactly otherwise. A key with no row is returned as an error result ("no entry for
 * order_id 999"): it is data rather than a fault, but the model should apologise rather than make something up,
 * and scripts handle it with their error wording.
 */
public final class TableTool implements Tool {

    /** Largest table file loaded: 10 MiB keeps a table a startup-sized, memory-sized thing. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Most rows loaded; a bigger data set belongs behind a webhook. */
    public static final int MAX_ROWS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(TableTool.class);

    private final ToolDefinition definition;
    private final String keyArgument;
    private final Map<String, String> rows;

    /**
     * Loads {@code file} at once.
     *
     * @param keyArgument the argument the model sends, and the key field or column of the table
     * @throws IllegalArgumentException if the file cannot be read or holds malformed or oversized data; the message
     *                                  names the file and, where it can, the line or record
     */
    public TableTool(ToolDefinition definition, Path file, String keyArgument) {
        this(definition, file, keyArgument, MAX_FILE_BYTES, MAX_ROWS);
    }

    TableTool(ToolDefinition definition, Path file, String keyArgument, long maxBytes, int maxRows) {
        this.definition = Objects.requireNonNull(definition, "definition");
        if (keyArgument == null || keyArgument.isBlank()) {
            throw new IllegalArgumentException("table " + definition.name() + ": the key argument must be named");
        }
        this.keyArgument = keyArgument;
        this.rows = TableFile.load(Objects.requireNonNull(file, "file"), keyArgument, maxBytes, maxRows);
        log.info("table {}: {} rows from {}", definition.name(), rows.size(), file.getFileName());
    }

    @Override
    public ToolDefinition definition() {
        return definition;
    }

    @Override
    public ToolResult call(ToolCall call) {
        JsonNode argument = call.arguments() == null ? MissingNode.getInstance() : call.arguments().path(keyArgument);
        if (argument.isMissingNode() || argument.isNull()) {
            return ToolResult.error("missing argument " + keyArgument);
        }
        Optional<String> key = TableFile.keyText(argument);
        if (key.isEmpty()) {
            return ToolResult.error("argument " + keyArgument + " must be a string or a number");
        }
        if (key.get().isEmpty()) {
            return ToolResult.error("missing argument " + keyArgument);
        }
        String row = rows.get(key.get());
        log.debug("table {}: {}", definition.name(), row == null ? "no entry" : "found");
        return row == null ? ToolResult.error("no entry for " + keyArgument + " " + key.get()) : ToolResult.ok(row);
    }
}
