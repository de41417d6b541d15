package dev.opsbot.slack;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How opsbot reaches Slack. {@code appToken} turns on Socket Mode; {@code apiUrl} replaces
 * Slack's Web API base URL (proxies, tests); {@code ackBudget} is how long a command may run
 * before the adapter acknowledges and answers later through {@code response_url}.
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl,
        Duration ackBudget) {

    /** Slack gives up after 3 s; this leaves room for the network on both sides. */
    public static final Duration DEFAULT_ACK_BUDGET = Duration.ofMillis(2000);

    public SlackSettings {
        if (blank(botToken)) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is required for the Slack adapter");
        }
        if (blank(signingSecret) && blank(appToken)) {
            throw new IllegalArgumentException(
                    "SLACK_SIGNING_SECRET is required unless SLACK_APP_TOKEN turns on Socket Mode");
        }
        if (blank(signingSecret)) {
            // Bolt refuses to start without a secret; in Socket Mode nothing arrives over HTTP,
            // so an unguessable one makes the HTTP endpoint reject everything.
            signingSecret = UUID.randomUUID().toString() + UUID.randomUUID();
        }
        appToken = blank(appToken) ? null : appToken;
        apiUrl = blank(apiUrl) ? null : apiUrl.replaceAll("/+$", "");
        ackBudget = ackBudget == null ? DEFAULT_ACK_BUDGET : ackBudget;
    }

    /** Reads {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code SLACK_APP_TOKEN}, {@code SLACK_API_URL}. */
    public static SlackSettings fromEnv(Map<String, String> env) {
        return new SlackSettings(env.get("SLACK_BOT_TOKEN"), env.get("SLACK_SIGNING_SECRET"),
                env.get("SLACK_APP_TOKEN"), env.get("SLACK_API_URL"), null);
    }

    public boolean socketMode() {
        return appToken != null;
    }

    public Optional<String> apiUrlOverride() {
        return Optional.ofNullable(apiUrl);
    }

    @Override
    public String toString() {
        return "SlackSettings[socketMode=" + socketMode() + ", apiUrl=" + (apiUrl == null ? "slack" : apiUrl)
                + ", ackBudget=" + ackBudget + "]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
