package dev.opsbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.opsbot.chat.ChannelPoster;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.RefusalLog;
import dev.opsbot.command.CommandRouter;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * opsbot on Slack: one Bolt {@link App} with one handler for every slash command (the router
 * knows which exist) and one for every opsbot button. Serve {@link #endpoint()} at
 * {@code /slack/events} or call {@link #connectSocketMode()}; register {@link #poster()} with
 * the outbox. Creating the adapter also teaches the router Slack's mention syntax.
 */
public final class SlackAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
    private static final int WORKERS = 8;

    private final SlackSettings settings;
    private final SlackWebApi api;
    private final boolean ownsApi;
    private final App app;
    private final ExecutorService work;
    private final SlackEndpoint endpoint;
    private final RefusalLog refusals;
    private SocketModeApp socketMode;

    /** An adapter with a Web API client of its own, closed with it. */
    public SlackAdapter(SlackSettings settings, CommandRouter router) {
        this(settings, SlackWebApi.connect(settings), router, true);
    }

    /** An adapter on a shared Web API client, which its owner closes. */
    public SlackAdapter(SlackSettings settings, SlackWebApi api, CommandRouter router) {
        this(settings, api, router, false);
    }

    private SlackAdapter(SlackSettings settings, SlackWebApi api, CommandRouter router, boolean ownsApi) {
        this.settings = settings;
        this.api = api;
        this.ownsApi = ownsApi;
        this.app = new App(AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .slack(api.slack())
                .build());
        this.work = Executors.newFixedThreadPool(WORKERS, workerThreads());
        router.useMentions(Platform.SLACK, new SlackMentions());
        ResponseUrls responses = new ResponseUrls(api.slack());
        this.refusals = new RefusalLog("slack", Clock.systemUTC(), RefusalLog.DEFAULT_PER_MINUTE);
        // Every command reaches the router, which answers one it does not know with the nearest it does.
        SlackUploads uploads = new SlackUploads(api.bot());
        app.command(Pattern.compile("^/.+$"),
                new SlashCommands(router, work, settings.ackBudget(), responses, refusals, uploads));
        app.blockAction(SlackPayloads.OUR_BUTTONS,
                new ButtonClicks(router, work, responses, api.bot(), refusals, uploads));
        this.endpoint = new SlackEndpoint(app, new RequestSignature(settings.signingSecret(), Clock.systemUTC()),
                refusals);
        log.info("slack adapter ready: {} slash commands, {}", router.catalog().roots().size(), settings);
    }

    /** The Bolt app itself, without the endpoint's checks in front of it. */
    public App app() {
        return app;
    }

    /**
     * The servlet for {@code /slack/events}: signature, freshness and shape are checked on the raw
     * body before Bolt sees the request.
     */
    public HttpServlet endpoint() {
        return endpoint;
    }

    public ChannelPoster poster() {
        return api.poster();
    }

    /** Opens the Socket Mode connection (needs {@code SLACK_APP_TOKEN}); Bolt reconnects by itself after drops. */
    public synchronized void connectSocketMode() throws Exception {
        if (!settings.socketMode()) {
            throw new IllegalStateException("Socket Mode needs SLACK_APP_TOKEN");
        }
        if (socketMode == null) {
            SocketModeClient client = api.slack().socketMode(settings.appToken(),
                    SocketModeClient.Backend.JavaWebSocket);
            // Given a client, Bolt adds no listener of its own: envelopes go through ours.
            client.addWebSocketMessageListener(new SocketModeEnvelopes(app, client, refusals));
            socketMode = new SocketModeApp(client, app);
            socketMode.startAsync();
            log.info("slack socket mode connected");
        }
    }

    @Override
    public synchronized void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("closing socket mode: {}", e.toString());
            }
            socketMode = null;
        }
        app.stop();
        work.shutdown();
        try {
            if (!work.awaitTermination(5, TimeUnit.SECONDS)) {
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.shutdownNow();
        }
        if (ownsApi) {
            api.close();
        }
    }

    private static java.util.concurrent.ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "slack-command-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
