package dev.switchboard.sip.server;

import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.LoadedConfig;
import dev.switchboard.config.SwitchboardConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The command line: {@code run --config FILE} starts the server, {@code check-config FILE} validates a
 * configuration and exits. Exit codes: 0 fine, 1 the server failed, 2 bad usage or configuration.
 */
public final class Main {

    private static final String USAGE = """
            usage: switchboard run --config FILE    start the server
                   switchboard check-config FILE    validate a configuration file
            """;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 2 && "check-config".equals(args[0])) {
            return checkConfig(Path.of(args[1]), out, err);
        }
        if (args.length == 3 && "run".equals(args[0]) && "--config".equals(args[1])) {
            return serve(Path.of(args[2]), err);
        }
        err.print(USAGE);
        return 2;
    }

    private static int checkConfig(Path file, PrintStream out, PrintStream err) {
        SwitchboardConfig config = load(file, err);
        if (config == null) {
            return 2;
        }
        out.printf("%s: OK (%d providers, %d agents, %d numbers)%n", file, config.providers().size(),
                config.agents().size(), config.numbers().size());
        return 0;
    }

    private static int serve(Path file, PrintStream err) {
        SwitchboardConfig config = load(file, err);
        if (config == null) {
            return 2;
        }
        SwitchboardServer server;
        try {
            server = SwitchboardServer.start(config);
        } catch (RuntimeException e) {
            err.println("switchboard: cannot start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "switchboard-shutdown"));
        LoggerFactory.getLogger(Main.class).info("Switchboard is ready ({})", file);
        awaitShutdown();
        return 0;
    }

    /** Parks the main thread; the server's own threads do the work until the JVM is told to stop. */
    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The configuration, with its warnings (settings the provider ignores) printed; null after errors. */
    private static SwitchboardConfig load(Path file, PrintStream err) {
        if (!Files.isRegularFile(file)) {
            err.println("switchboard: no such configuration file: " + file);
            return null;
        }
        try {
            LoadedConfig loaded = ConfigLoader.loadWithWarnings(file);
            for (ConfigProblem warning : loaded.warnings()) {
                err.println("switchboard: warning: " + warning);
            }
            return loaded.config();
        } catch (ConfigException e) {
            err.println("switchboard: " + file + " has " + e.problems().size() + " problem(s):");
            for (ConfigProblem problem : e.problems()) {
                err.println("  " + problem);
            }
            return null;
        }
    }
}
