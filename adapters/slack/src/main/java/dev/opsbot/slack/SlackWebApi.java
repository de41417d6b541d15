package dev.opsbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.opsbot.chat.ChannelPoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Web API as configured ({@code SLACK_API_URL} or Slack's own), with the bot token: one
 * HTTP client shared by the outbox poster, message updates and response URLs. It needs no
 * router, so the outbox can have its Slack poster before any command is wired.
 */
public final class SlackWebApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);

    private final Slack slack;
    private final MethodsClient bot;
    private final SlackPoster poster;

    private SlackWebApi(Slack slack, String botToken) {
        this.slack = slack;
        this.bot = slack.methods(botToken);
        this.poster = new SlackPoster(bot);
    }

    public static SlackWebApi connect(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        settings.apiUrlOverride().ifPresent(url -> config.setMethodsEndpointUrlPrefix(url + "/api/"));
        return new SlackWebApi(Slack.getInstance(config), settings.botToken());
    }

    /** Posts announcements with {@code chat.postMessage}; register it with the outbox. */
    public ChannelPoster poster() {
        return poster;
    }

    Slack slack() {
        return slack;
    }

    MethodsClient bot() {
        return bot;
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception e) {
            log.warn("closing the slack client: {}", e.toString());
        }
    }
}
