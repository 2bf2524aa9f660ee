package dev.switchboard.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.api.ToolDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolDefinition LOOKUP_ORDER = new ToolDefinition("lookup_order", "Finds an order", null);
    private static final String ORDERS_CSV = "order_id,status,note\r\n"
            + "12345,shipped,\"Leave at the door, please\"\r\n"
            + "\"23456\",pending,\"He said \"\"fragile\"\"\"\r\n"
            + "34567,cancelled,\"two\r\nlines\"\r\n";

    @TempDir
    Path dir;

    @Test
    void looksUpAJsonObjectKeyedByTheKey() throws Exception {
        TableTool tool = table("orders.json", """
                {"12345": {"status": "shipped", "items": 2},
                 " 23456 ": "pending"}""");

        assertEquals(ToolResult.ok("{\"status\":\"shipped\",\"items\":2}"), tool.call(lookup("\"12345\"")));
        assertEquals(ToolResult.ok("\"pending\""), tool.call(lookup("\"23456\"")));
    }

    @Test
    void looksUpAJsonArrayOfRecords() throws Exception {
        TableTool tool = table("orders.json", """
                [{"order_id": "12345", "status": "shipped"},
                 {"order_id": 23456, "status": "pending"}]""");

        assertEquals(ToolResult.ok("{\"order_id\":\"12345\",\"status\":\"shipped\"}"), tool.call(lookup("\"12345\"")));
        assertEquals(ToolResult.ok("{\"order_id\":23456,\"status\":\"pending\"}"), tool.call(lookup("\"23456\"")));
    }

    @Test
    void readsQuotedCsvFieldsWithCommasDoubledQuotesAndLineBreaks() throws Exception {
        TableTool tool = table("orders.csv", ORDERS_CSV);

        assertEquals(ToolResult.ok("{\"order_id\":\"12345\",\"status\":\"shipped\",\"note\":\"Leave at the door, please\"}"),
                tool.call(lookup("\"12345\"")));
        assertEquals("He said \"fragile\"", JSON.readTree(tool.call(lookup("\"23456\"")).output()).get("note").asText());
        assertEquals("two\r\nlines", JSON.readTree(tool.call(lookup("\"34567\"")).output()).get("note").asText());
    }

    @Test
    void readsCsvWithLfLineEndingsAndNoFinalLineBreak() throws Exception {
        TableTool tool = table("orders.csv", "\uFEFForder_id , status\n12345,shipped\n\n23456,pending");

        assertEquals(ToolResult.ok("{\"order_id\":\"12345\",\"status\":\"shipped\"}"), tool.call(lookup("\"12345\"")));
        assertEquals(ToolResult.ok("{\"order_id\":\"23456\",\"status\":\"pending\"}"), tool.call(lookup("\"23456\"")));
    }

    @Test
    void comparesNumbersAsTheirTextAndTrimsStrings() throws Exception {
        TableTool tool = table("orders.csv", ORDERS_CSV);

        assertEquals(tool.call(lookup("\"12345\"")), tool.call(lookup("12345")));
        assertEquals(tool.call(lookup("\"12345\"")), tool.call(lookup("12345.0")));
        assertEquals(tool.call(lookup("\"12345\"")), tool.call(lookup("\"  12345 \"")));
        assertEquals(ToolResult.error("no entry for order_id 012345"), tool.call(lookup("\"012345\"")));
    }

    @Test
    void saysWhenTheArgumentIsMissingOrUnusable() throws Exception {
        TableTool tool = table("orders.csv", ORDERS_CSV);

        assertEquals(ToolResult.error("missing argument order_id"), tool.call(call("{}")));
        assertEquals(ToolResult.error("missing argument order_id"), tool.call(lookup("null")));
        assertEquals(ToolResult.error("missing argument order_id"), tool.call(lookup("\"  \"")));
        assertEquals(ToolResult.error("argument order_id must be a string or a number"), tool.call(lookup("[1]")));
    }

    @Test
    void aMissingEntryIsAnErrorTheModelCanTalkAbout() throws Exception {
        TableTool tool = table("orders.csv", ORDERS_CSV);

        ToolResult result = tool.call(lookup("999"));

        assertEquals(new ToolResult("{\"error\":\"no entry for order_id 999\"}", true, true), result);
    }

    @Test
    void refusesDuplicateKeys() throws IOException {
        assertLoadFails("orders.csv", "order_id,status\n12345,shipped\n 12345 ,pending\n",
                "table orders.csv line 3: duplicate order_id 12345");
        assertLoadFails("orders.json", "[{\"order_id\": \"1\"}, {\"order_id\": 1}]",
                "table orders.json record 2: duplicate order_id 1");
        assertLoadFails("orders.json", "{\"1\": {}, \"1\": {}}", "Duplicate field '1'");
    }

    @Test
    void refusesACsvWithoutTheKeyColumn() throws IOException {
        assertLoadFails("orders.csv", "id,status\n12345,shipped\n",
                "table orders.csv: no column named order_id (columns: id, status)");
    }

    @Test
    void refusesMalformedCsv() throws IOException {
        assertLoadFails("orders.csv", "order_id,status\n12345,shipped,extra\n",
                "table orders.csv line 2: 3 fields where the header has 2");
        assertLoadFails("orders.csv", "order_id,status\n12345,\"shipped\n",
                "table orders.csv line 2: quoted field is never closed");
        assertLoadFails("orders.csv", "order_id,status\n12345,\"ship\"ped\n",
                "table orders.csv line 2: text after a closing quote");
        assertLoadFails("orders.csv", "order_id,status\n1,\"a\nb\"\n12345,sh\"ipped\n",
                "table orders.csv line 4: quote inside an unquoted field");
        assertLoadFails("orders.csv", "order_id,status\n,shipped\n", "table orders.csv line 2: empty order_id");
        assertLoadFails("orders.csv", "", "table orders.csv is empty");
    }

    @Test
    void namesWhereJsonIsMalformed() throws IOException {
        assertLoadFails("orders.json", "{\"12345\": {\"status\": \"shipped\"},\n \"23456\": {\"status\": }}",
                "table orders.json is not valid JSON (line 2, column");
        assertLoadFails("orders.json", "[{\"order_id\": \"1\"}, {\"status\": \"x\"}]",
                "table orders.json record 2: no order_id");
        assertLoadFails("orders.json", "[{\"order_id\": true}]",
                "table orders.json record 1: order_id must be a string or a number");
        assertLoadFails("orders.json", "\"just text\"", "table orders.json must hold a JSON object or array");
    }

    @Test
    void refusesOtherFormatsAndUnreadableFiles() throws IOException {
        assertLoadFails("orders.txt", "order_id\n1\n", "unsupported format");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new TableTool(LOOKUP_ORDER, dir.resolve("absent.csv"), "order_id"));
        assertTrue(missing.getMessage().startsWith("table absent.csv cannot be read"), missing.getMessage());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "order_id,city\n1,M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1));
        IllegalArgumentException notUtf8 = assertThrows(IllegalArgumentException.class,
                () -> new TableTool(LOOKUP_ORDER, latin1, "order_id"));
        assertEquals("table latin1.csv is not valid UTF-8", notUtf8.getMessage());
    }

    @Test
    void refusesFilesBeyondTheSizeAndRowCaps() throws IOException {
        Path csv = write("orders.csv", "order_id\n1\n2\n3\n");
        Path json = write("orders.json", "{\"1\": 1, \"2\": 2, \"3\": 3}");

        assertEquals(ToolResult.ok("{\"order_id\":\"3\"}"),
                new TableTool(LOOKUP_ORDER, csv, "order_id", Files.size(csv), 3).call(lookup("3")));
        assertLoadFails(() -> new TableTool(LOOKUP_ORDER, csv, "order_id", 1024, 2),
                "table orders.csv line 4: more than 2 rows");
        assertLoadFails(() -> new TableTool(LOOKUP_ORDER, json, "order_id", 1024, 2),
                "table orders.json entry \"3\": more than 2 rows");
        assertLoadFails(() -> new TableTool(LOOKUP_ORDER, csv, "order_id", Files.size(csv) - 1, 10),
                "table orders.csv is larger than " + (Files.size(csv) - 1) + " bytes");
        assertEquals(10L * 1024 * 1024, TableTool.MAX_FILE_BYTES);
        assertEquals(100_000, TableTool.MAX_ROWS);
    }

    @Test
    void keepsTheDefaultTimeoutAndDefinition() throws IOException {
        TableTool tool = table("orders.csv", ORDERS_CSV);

        assertEquals(Duration.ofSeconds(10), tool.timeout());
        assertEquals(LOOKUP_ORDER, tool.definition());
    }

    // --- fixtures ---

    private TableTool table(String name, String content) throws IOException {
        return new TableTool(LOOKUP_ORDER, write(name, content), "order_id");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private void assertLoadFails(String name, String content, String expected) throws IOException {
        Path file = write(name, content);
        assertLoadFails(() -> new TableTool(LOOKUP_ORDER, file, "order_id"), expected);
    }

    private static void assertLoadFails(org.junit.jupiter.api.function.Executable load, String expected) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, load);
        assertTrue(failure.getMessage().contains(expected), "message: " + failure.getMessage());
    }

    private static ToolCall lookup(String orderIdJson) throws IOException {
        return call("{\"order_id\": " + orderIdJson + "}");
    }

    private static ToolCall call(String arguments) throws IOException {
        return new ToolCall("fc_1", LOOKUP_ORDER.name(), JSON.readTree(arguments), new CallInfo("c", "a", "b", "x"));
    }
}
