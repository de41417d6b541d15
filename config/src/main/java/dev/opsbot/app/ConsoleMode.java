package dev.opsbot.app;

import dev.opsbot.chat.Outbox;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.console.ConsoleImages;
import dev.opsbot.console.ConsolePoster;
import dev.opsbot.console.ConsoleSession;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Present when opsbot runs as a terminal: wires the console poster and runs the session. The
 * launcher turns auto-configuration off in this mode (no web server, actuator, metrics, JSON or
 * task executors to build for a terminal), so the one auto-configuration the console uses — the
 * Quartz scheduler that runs follow-ups, escalations and digests — is imported here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "opsbot.mode", havingValue = "console")
@ImportAutoConfiguration(QuartzAutoConfiguration.class)
public class ConsoleMode {

    /** Spring Boot's switch for {@code @EnableAutoConfiguration}; {@link ImportAutoConfiguration} ignores it. */
    static final String AUTO_CONFIGURATION = "spring.boot.enableautoconfiguration";

    /** The terminal's streams; registered by the launcher so tests can feed a script. */
    public record Terminal(InputStream in, PrintStream out, boolean interactive, String user) {
    }

    /** Charts in replies are written under {@code OPSBOT_DATA_DIR/charts/} and their paths printed. */
    @Bean
    ConsoleImages consoleImages(OpsbotSettings settings, Clock clock) {
        return new ConsoleImages(settings.dataPath().resolve("charts"), clock);
    }

    @Bean
    ConsolePoster consolePoster(Terminal terminal, ConsoleImages images) {
        return new ConsolePoster(terminal.out(), images);
    }

    /** Runs until end of input or /quit. */
    static void runSession(Terminal terminal, CommandRouter router, Outbox outbox, ConsoleImages images) {
        ConsoleSession session = new ConsoleSession(router, outbox, terminal.out(), terminal.interactive(),
                terminal.user(), "ops").showingImagesWith(images);
        session.run(new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)));
    }
}
