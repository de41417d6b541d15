package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real application on a console session, as {@code java -jar opsbot.jar < script} runs it,
 * typed as "tester" unless the script says {@code /as}. Sessions on the same data directory see
 * what earlier ones stored, as a restarted app would.
 */
public final class ConsoleScript {

    private final Path dataDir;

    public ConsoleScript(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Runs {@code script} line by line to its end and returns everything the session printed. */
    public String run(String script) {
        return run(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream());
    }

    /** Runs a session reading {@code in} until it ends, printing into {@code printed}, and returns what it printed. */
    public String run(InputStream in, ByteArrayOutputStream printed) {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        ConsoleMode.Terminal terminal = new ConsoleMode.Terminal(in, out, false, "tester");
        Integer exit = OpsbotApplication.run(new String[] {"--opsbot.data-dir=" + dataDir}, terminal, Map.of());
        assertThat(exit).as("the application's exit code").isZero();
        return printed.toString(StandardCharsets.UTF_8);
    }
}
