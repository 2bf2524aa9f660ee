package dev.switchboard.sip.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.agent.local.LocalRealtimeServer;
import dev.switchboard.sip.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in local engine is a real OpenAI Realtime peer: the official {@code openai} npm SDK's
 * {@code OpenAIRealtimeWS} client connects to it, configures a session, streams speech, and gets the GA event
 * sequence and its audio echoed back ({@code src/test/node/openai-sdk/realtime-echo-check.mjs}).
 */
class OpenAiSdkInteropIT {

    private static final Path CHECK = Path.of("src/test/node/openai-sdk");

    @Test
    void theOfficialOpenAiSdkTalksToTheLocalEngine(@TempDir Path work) throws Exception {
        String npm = ExternalTool.require("npm", "npm");
        String node = ExternalTool.require("node", "nodejs");
        for (String file : List.of("package.json", "package-lock.json", "realtime-echo-check.mjs")) {
            Files.copy(CHECK.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        ExternalTool.Result install = ExternalTool.run(List.of(npm, "ci", "--no-audit", "--no-fund"), work,
                Duration.ofMinutes(3));
        assertEquals(0, install.exitCode(), () -> "npm ci failed:\n" + install.output());

        try (LocalRealtimeServer engine = LocalRealtimeServer.start("127.0.0.1", 0)) {
            ExternalTool.Result check = ExternalTool.run(List.of(node, "realtime-echo-check.mjs",
                    engine.baseUri().toString()), work, Duration.ofSeconds(40));
            assertEquals(0, check.exitCode(), () -> "the SDK check failed:\n" + check.output());
            assertTrue(check.output().contains("\"ok\":true"), check.output());
        }
    }
}
