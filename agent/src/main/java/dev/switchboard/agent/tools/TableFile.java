package dev.switchboard.agent.tools;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a lookup table from a UTF-8 file into a map from key to the JSON text the model reads. Every problem is an
 * {@link IllegalArgumentException} naming the file and, where it can, the line or record.
 *
 * <ul>
 *   <li>{@code .json}: an object keyed by the lookup key ({@code {"12345": {...}}}), or an array of objects that
 *       each hold the key field ({@code [{"order_id": "12345", ...}]}). String or number keys; duplicates (also
 *       duplicate object members) are errors.</li>
 *   <li>{@code .csv}: RFC 4180 with a header row naming the columns (see {@link CsvParser}); each row becomes an
 *       object of strings keyed by the (trimmed) column names; the key column is the one named like the key.</li>
 * </ul>
 * Keys are trimmed; an empty key is an error.
 */
final class TableFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String name;
    private final String key;
    private final int maxRows;
    private final Map<String, String> rows = new HashMap<>();

    private TableFile(String name, String key, int maxRows) {
        this.name = name;
        this.key = key;
        this.maxRows = maxRows;
    }

    static Map<String, String> load(Path file, String key, long maxBytes, int maxRows) {
        TableFile table = new TableFile(file.getFileName().toString(), key, maxRows);
        String text = table.read(file, maxBytes);
        String extension = table.name.toLowerCase(Locale.ROOT);
        if (extension.endsWith(".json")) {
            table.loadJson(text);
        } else if (extension.endsWith(".csv")) {
            table.loadCsv(text);
        } else {
            throw new IllegalArgumentException("table " + table.name + ": unsupported format (use .json or .csv)");
        }
        return Map.copyOf(table.rows);
    }

    /** The lookup text of a key: a string trimmed, or a number as plain decimal text (12345, 12.5); else empty. */
    static Optional<String> keyText(JsonNode value) {
        if (value.isTextual()) {
            return Optional.of(value.asText().strip());
        }
        if (value.isIntegralNumber()) {
            return Optional.of(value.bigIntegerValue().toString());
        }
        if (value.isNumber()) {
            return Optional.of(Double.isFinite(value.doubleValue())
                    ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText());
        }
        return Optional.empty();
    }

    private String read(Path file, long maxBytes) {
        try {
            if (Files.size(file) > maxBytes) {
                throw new IllegalArgumentException("table " + name + " is larger than " + bytes(maxBytes));
            }
            byte[] content = Files.readAllBytes(file);
            if (content.length > maxBytes) { // grew since it was measured
                throw new IllegalArgumentException("table " + name + " is larger than " + bytes(maxBytes));
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte order mark, as spreadsheets write
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("table " + name + " is not valid UTF-8", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("table " + name + " cannot be read: " + e, e);
        }
    }

    private void loadJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("table " + name + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage(), e);
        }
        if (root.isObject()) {
            root.properties().forEach(entry -> add(entry.getKey().strip(), entry.getValue(),
                    "entry \"" + entry.getKey() + "\""));
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                loadRecord(root.get(i), "record " + (i + 1));
            }
        } else {
            throw new IllegalArgumentException("table " + name + " must hold a JSON object or array");
        }
    }

    private void loadRecord(JsonNode record, String where) {
        if (!record.isObject()) {
            throw new IllegalArgumentException("table " + name + " " + where + ": not a JSON object");
        }
        JsonNode value = record.get(key);
        if (value == null) {
            throw new IllegalArgumentException("table " + name + " " + where + ": no " + key);
        }
        String text = keyText(value).orElseThrow(() -> new IllegalArgumentException(
                "table " + name + " " + where + ": " + key + " must be a string or a number"));
        add(text, record, where);
    }

    private void loadCsv(String text) {
        List<CsvParser.Row> records;
        try {
            records = CsvParser.parse(text, maxRows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("table " + name + " " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " is empty (expected a header row)");
        }
        List<String> columns = new ArrayList<>();
        for (String column : records.getFirst().fields()) {
            if (columns.contains(column.strip())) {
                throw new IllegalArgumentException("table " + name + ": column " + column.strip()
                        + " appears twice in the header");
            }
            columns.add(column.strip());
        }
        int keyColumn = columns.indexOf(key);
        if (keyColumn < 0) {
            throw new IllegalArgumentException("table " + name + ": no column named " + key
                    + " (columns: " + String.join(", ", columns) + ")");
        }
        for (CsvParser.Row row : records.subList(1, records.size())) {
            String where = "line " + row.line();
            if (row.fields().size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + " " + where + ": " + row.fields().size()
                        + " fields where the header has " + columns.size());
            }
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row.fields().get(i));
            }
            add(row.fields().get(keyColumn).strip(), object, where);
        }
    }

    private void add(String keyText, JsonNode value, String where) {
        if (keyText.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " " + where + ": empty " + key);
        }
        if (rows.size() == maxRows) {
            throw new IllegalArgumentException("table " + name + " " + where + ": more than " + maxRows + " rows");
        }
        if (rows.putIfAbsent(keyText, value.toString()) != null) {
            throw new IllegalArgumentException("table " + name + " " + where + ": duplicate " + key + " " + keyText);
        }
    }

    private static String bytes(long count) {
        return count % (1024 * 1024) == 0 ? count / (1024 * 1024) + " MiB" : count + " bytes";
    }
}
