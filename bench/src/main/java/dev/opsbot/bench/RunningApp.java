package dev.opsbot.bench;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.incident.Incidents;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application as {@code java -jar} runs it in server mode with Slack on — Bolt's servlet
 * in Tomcat, every feature's listeners, Quartz, the outbox delivering to Slack's Web API on
 * loopback — on a counted in-memory store, so every round trip of a command, its listeners and
 * its delivery is seen.
 */
final class RunningApp implements AutoCloseable {

    static final String SECRET = "bench-signing-secret";
    static final ChannelRef OPS = new ChannelRef(Platform.SLACK, "C1", "ops");

    final CountedStore store = new CountedStore();
    private final ConfigurableApplicationContext context;
    private final URI events;

    RunningApp(String webApiUrl) throws Exception {
        Path data = Files.createTempDirectory("opsbot-bench");
        SpringApplication app = new SpringApplication(OpsbotApplication.class);
        app.setDefaultProperties(Map.of("opsbot.mode", "server"));
        app.addInitializers(c -> c.getBeanFactory().registerSingleton("benchStore", store.store));
        context = app.run("--server.port=0", "--server.address=127.0.0.1", "--opsbot.data-dir=" + data,
                "--SLACK_BOT_TOKEN=xoxb-bench", "--SLACK_SIGNING_SECRET=" + SECRET, "--SLACK_API_URL=" + webApiUrl,
                "--opsbot.incident-channel=slack:CINCIDENTS", "--logging.level.root=WARN");
        events = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + "/slack/events");
    }

    URI events() {
        return events;
    }

    Incidents incidents() {
        return context.getBean(Incidents.class);
    }

    @Override
    public void close() {
        context.close();
        store.close();
    }
}
