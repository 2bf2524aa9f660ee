package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.ENV;
import static dev.switchboard.config.ConfigFixtures.MINIMAL;
import static dev.switchboard.config.ConfigFixtures.SOURCE;
import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tools answered from local lookup tables, and where their files are looked for. */
class TableToolTest {

    @Test
    void tablesResolveAgainstTheBaseDirectory(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("orders.json"), "{}");
        Path csv = Files.writeString(Files.createDirectory(dir.resolve("data")).resolve("STOCK.CSV"), "sku\n");
        Path elsewhere = Files.writeString(Files.createTempFile(dir, "abs", ".json"), "{}");

        SwitchboardConfig config = parse(MINIMAL + """
                tools:
                  orders:
                    parameters: {type: object, properties: {order_id: {type: string}}}
                    table: {file: orders.json, key: order_id}
                  stock: {table: {file: ./data/../data/STOCK.CSV, key: sku}}
                  absolute: {table: {file: "%s", key: id}}
                  untyped: {parameters: {type: object}, table: {file: orders.json, key: anything}}
                """.formatted(elsewhere), dir);

        assertEquals(new ToolConfig(null, Map.of("type", "object", "properties", Map.of("order_id", Map.of("type", "string"))),
                null, new TableConfig(json, "order_id")), config.tools().get("orders"));
        assertEquals(new TableConfig(csv, "sku"), config.tools().get("stock").table());
        assertEquals(csv, config.tools().get("stock").table().file());
        assertEquals(elsewhere, config.tools().get("absolute").table().file());
        assertEquals("anything", config.tools().get("untyped").table().key());
        assertNull(config.tools().get("stock").webhook());
    }

    @Test
    void loadResolvesAgainstTheConfigurationFilesDirectory(@TempDir Path dir) throws IOException {
        Path configDir = Files.createDirectory(dir.resolve("conf"));
        Path table = Files.writeString(configDir.resolve("orders.csv"), "order_id,status\n1,shipped\n");
        Path file = Files.writeString(configDir.resolve("switchboard.yaml"),
                MINIMAL + "tools:\n  lookup: {table: {file: orders.csv, key: order_id}}\n");

        TableConfig loaded = ConfigLoader.load(file).tools().get("lookup").table();

        assertEquals(table, loaded.file());
        assertEquals(loaded.file(), loaded.file().toAbsolutePath().normalize());
    }

    @Test
    void parseWithoutBaseDirectoryResolvesAgainstTheWorkingDirectory(@TempDir Path dir) throws IOException {
        Path table = Files.writeString(dir.resolve("orders.json"), "{}");
        Path relative = Path.of("").toAbsolutePath().relativize(table);

        SwitchboardConfig config = ConfigLoader.parse(MINIMAL + "tools:\n  lookup: {table: {file: \"" + relative
                + "\", key: id}}\n", SOURCE, ENV::get);

        assertEquals(table, config.tools().get("lookup").table().file());
    }

    @Test
    void toolNeedsExactlyOneOfWebhookAndTable(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orders.json"), "{}");
        List<ConfigProblem> problems = problems(MINIMAL + """
                tools:
                  both:
                    webhook: {url: "https://x.example"}
                    table: {file: orders.json, key: id}
                  neither: {description: d}
                  empty:
                """, dir);

        assertEquals("demo.yaml:3: tools.both: has both 'webhook' and 'table'; a tool needs exactly one",
                problemAt(problems, "tools.both").toString());
        assertEquals(new ConfigProblem("demo.yaml", "tools.neither", 6,
                "missing 'webhook' or 'table' (a tool needs exactly one)"), problemAt(problems, "tools.neither"));
        assertEquals(7, problemAt(problems, "tools.empty").line());
        assertEquals(3, problems.size(), problems::toString);
    }

    @Test
    void tableFileAndKeyProblems(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orders.json"), "{}");
        Files.createDirectory(dir.resolve("adir.json"));
        List<ConfigProblem> problems = problems(MINIMAL + """
                tools:
                  missing: {table: {file: nope.json, key: id}}
                  wrongext: {table: {file: orders.txt, key: id}}
                  dir: {table: {file: adir.json, key: id}}
                  nokey: {table: {file: orders.json}}
                  badkey:
                    parameters: {type: object, properties: {order_id: {type: string}}}
                    table: {file: orders.json, key: orderid}
                  nofile: {table: {key: id, fiel: orders.json}}
                  noprops: {parameters: {type: object, properties: {}}, table: {file: orders.json, key: id}}
                """, dir);

        assertEquals("demo.yaml:3: tools.missing.table.file: table file not found: " + dir.resolve("nope.json"),
                problemAt(problems, "tools.missing.table.file").toString());
        assertEquals(new ConfigProblem("demo.yaml", "tools.wrongext.table.file", 4,
                "table file 'orders.txt' must end in .json or .csv"), problemAt(problems, "tools.wrongext.table.file"));
        assertEquals("table file is not a regular file: " + dir.resolve("adir.json"),
                problemAt(problems, "tools.dir.table.file").message());
        assertEquals(new ConfigProblem("demo.yaml", "tools.nokey.table", 6, "missing required key 'key'"),
                problemAt(problems, "tools.nokey.table"));
        assertEquals(new ConfigProblem("demo.yaml", "tools.badkey.table.key", 9,
                "key 'orderid' is not a property of the tool's parameters (did you mean 'order_id'?) "
                        + "(properties: order_id)"), problemAt(problems, "tools.badkey.table.key"));
        assertEquals("missing required key 'file'", problemAt(problems, "tools.nofile.table").message());
        assertEquals("unknown key 'fiel' (did you mean 'file'?)", problemAt(problems, "tools.nofile.table.fiel").message());
        assertEquals("key 'id' is not a property of the tool's parameters (properties: none)",
                problemAt(problems, "tools.noprops.table.key").message());
        assertEquals(8, problems.size(), problems::toString);
    }

    @Test
    void tableFileFromEnvironmentIsNotShown(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                MINIMAL + "tools:\n  t: {table: {file: \"${TABLE}\", key: id}}\n", SOURCE,
                Map.of("TABLE", "SECRET-dir/orders.json")::get, dir));

        assertEquals(List.of(new ConfigProblem(SOURCE, "tools.t.table.file", 3,
                "the value from ${TABLE} is invalid (expected a readable .json or .csv file)")), e.problems());
    }

    @Test
    void toolConfigInsistsOnExactlyOneImplementation() {
        TableConfig table = new TableConfig(Path.of("orders.json"), "id");
        WebhookConfig webhook = new WebhookConfig("https://x.example", WebhookConfig.DEFAULT_TIMEOUT, Map.of());

        assertThrows(IllegalArgumentException.class,
                () -> new ToolConfig(null, ToolConfig.EMPTY_PARAMETERS, webhook, table));
        assertThrows(IllegalArgumentException.class,
                () -> new ToolConfig(null, ToolConfig.EMPTY_PARAMETERS, null, null));
        assertEquals(Path.of("orders.json").toAbsolutePath(), table.file());
    }
}
