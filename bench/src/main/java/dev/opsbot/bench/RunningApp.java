package dev.opsbot.bench;

import dev.opsbot.access.Grant;
import dev.opsbot.access.Role;
import dev.opsbot.access.Roles;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.incident.Incidents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application as {@code java -jar} runs it in server mode with Slack on — the Slack
 * endpoint (signature check, then Bolt) in Tomcat, every feature's listeners, Quartz, the outbox
 * delivering to Slack's Web API on loopback — on the embedded file store it opens by default,
 * counted, so every round trip of a command, its listeners and its delivery is seen.
 */
final class RunningApp implements AutoCloseable {

    static final String SECRET = "bench-signing-secret";
    static final ChannelRef OPS = new ChannelRef(Platform.SLACK, "C1", "ops");
    /** The person every benchmark command comes from. */
    static final Actor USER = new Actor(Platform.SLACK, "U0000001", "bench");
    /** Roles on: an admin who is not the benchmark's user, and viewer for everyone else until granted. */
    static final List<String> ROLES_ON = List.of("--opsbot.admins=slack:UADMIN", "--opsbot.default-role=viewer");

    private static final String CHANNELS = "--opsbot.incident-channel=";

    final CountedStore store;
    private final Path data;
    private final ConfigurableApplicationContext context;
    private final URI events;

    RunningApp(String webApiUrl, List<String> extra) throws Exception {
        data = Files.createTempDirectory("opsbot-bench");
        store = new CountedStore(data);
        SpringApplication app = new SpringApplication(OpsbotApplication.class);
        app.setDefaultProperties(Map.of("opsbot.mode", "server"));
        app.addInitializers(c -> c.getBeanFactory().registerSingleton("benchStore", store.store));
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--opsbot.data-dir=" + data, "--SLACK_BOT_TOKEN=xoxb-bench", "--SLACK_SIGNING_SECRET=" + SECRET,
                "--SLACK_API_URL=" + webApiUrl, "--logging.level.root=WARN"));
        if (extra.stream().noneMatch(a -> a.startsWith(CHANNELS))) {
            args.add(CHANNELS + "slack:CINCIDENTS");
        }
        args.addAll(extra);
        context = app.run(args.toArray(String[]::new));
        events = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + "/slack/events");
    }

    URI events() {
        return events;
    }

    Incidents incidents() {
        return context.getBean(Incidents.class);
    }

    /**
     * Grants the benchmark's user responder everywhere, as {@code /role grant} does, and checks
     * that roles are on: the user may declare, someone without a grant may not.
     */
    void grantResponder() {
        Roles roles = context.getBean(Roles.class);
        Actor admin = new Actor(Platform.SLACK, "UADMIN", "admin");
        roles.change(USER, h -> h.with(new Grant(Role.RESPONDER, null, admin, Instant.now(), null, "benchmark")));
        if (!roles.enabled() || !roles.holds(USER, "incident.declare", "bench")
                || roles.holds(new Actor(Platform.SLACK, "UNOBODY", "nobody"), "incident.declare", "bench")) {
            throw new IllegalStateException("roles are not on as the benchmark set them");
        }
    }

    @Override
    public void close() throws IOException {
        context.close();
        store.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
