package dev.switchboard.sip.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: a bad configuration is refused with every problem named by key and line. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void checkConfigAcceptsTheDemo() {
        assertEquals(0, main("check-config", "../deploy/examples/demo.yaml"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("OK (1 providers, 2 agents, 2 numbers)"), out.toString());
    }

    @Test
    void aSettingTheProviderIgnoresIsAWarningNotAnError(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ignored.yaml");
        Files.writeString(config, """
                providers:
                  openai: { type: openai, api_key: sk-test-warnings }
                agents:
                  support: { provider: openai, temperature: 0.7 }
                numbers:
                  "100": support
                """);
        assertEquals(0, main("check-config", config.toString()));
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertTrue(warnings.contains("warning: ") && warnings.contains("ignored.yaml:4: agents.support.temperature"),
                warnings);
    }

    @Test
    void aTypoAndABadPortRangeAreNamedByKeyAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                sip:
                  listen: 0.0.0.0:5060
                media:
                  rtp_ports: 20999-20000
                providers:
                  local: { type: local }
                agents:
                  echo: { provder: local }
                """);
        assertEquals(2, main("check-config", bad.toString()));
        String problems = err.toString(StandardCharsets.UTF_8);
        assertTrue(problems.contains("bad.yaml:4: media.rtp_ports: first port 20999 is greater than last port 20000"),
                problems);
        assertTrue(problems.contains("bad.yaml:8: agents.echo.provder: unknown key 'provder' (did you mean 'provider'?)"),
                problems);

        err.reset();
        assertEquals(2, main("run", "--config", bad.toString()), "run refuses to start");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("media.rtp_ports"));
    }

    @Test
    void aMissingFileAndBadUsageExitWith2() {
        assertEquals(2, main("check-config", "/no/such/file.yaml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such configuration file"));
        assertEquals(2, main("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: switchboard run --config FILE"));
    }
}
