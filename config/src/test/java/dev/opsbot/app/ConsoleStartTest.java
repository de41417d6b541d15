package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.command.CommandRouter;
import dev.opsbot.slack.SlackAdapter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** The console starts what a terminal session uses — the core and the clock — and nothing a server needs. */
class ConsoleStartTest {

    @TempDir
    Path dataDir;

    @Test
    void theConsoleHasTheClockButNoWebServerActuatorJsonOrChatAdapter() throws Exception {
        ConsoleMode.Terminal terminal = new ConsoleMode.Terminal(InputStream.nullInputStream(),
                new PrintStream(OutputStream.nullOutputStream()), false, "tester");
        // A Slack token in the environment must not bring Slack into a console session.
        try (ConfigurableApplicationContext console = OpsbotApplication.application(true, terminal)
                .run("--opsbot.data-dir=" + dataDir, "--SLACK_BOT_TOKEN=xoxb-console")) {
            assertThat(console).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(console.getBeanNamesForType(CommandRouter.class)).hasSize(1);
            assertThat(console.getBean(Scheduler.class).isStarted()).as("Quartz runs the clock").isTrue();
            assertThat(console.getBeanNamesForType(HealthEndpoint.class)).isEmpty();
            assertThat(console.getBeanNamesForType(JsonMapper.class)).isEmpty();
            assertThat(console.getBeanNamesForType(SlackAdapter.class)).isEmpty();
        }
    }
}
