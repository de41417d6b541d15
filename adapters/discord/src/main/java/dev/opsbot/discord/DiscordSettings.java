package dev.opsbot.discord;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How to reach Discord: {@code DISCORD_TOKEN} (the bot token), {@code DISCORD_GUILD_ID} (commands
 * registered in that guild, which is instant; without it, globally), {@code DISCORD_API_URL} and
 * {@code DISCORD_GATEWAY_URL} (Discord's own unless a proxy or a test stands in).
 */
public record DiscordSettings(String token, String guildId, String apiUrl, String gatewayUrl) {

    public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";
    public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/";

    public DiscordSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("DISCORD_TOKEN is not set");
        }
        token = token.strip();
        guildId = guildId == null || guildId.isBlank() ? null : guildId.strip();
        if (guildId != null && !guildId.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("DISCORD_GUILD_ID must be a numeric guild id, not " + guildId);
        }
        apiUrl = url(apiUrl, DEFAULT_API_URL, "DISCORD_API_URL", "http");
        gatewayUrl = url(gatewayUrl, DEFAULT_GATEWAY_URL, "DISCORD_GATEWAY_URL", "ws");
    }

    /** Reads the four variables through {@code env} (null when unset); only the token is required. */
    public static DiscordSettings fromEnvironment(UnaryOperator<String> env) {
        return new DiscordSettings(env.apply("DISCORD_TOKEN"), env.apply("DISCORD_GUILD_ID"),
                env.apply("DISCORD_API_URL"), env.apply("DISCORD_GATEWAY_URL"));
    }

    public Optional<String> guild() {
        return Optional.ofNullable(guildId);
    }

    @Override
    public String toString() {
        return "DiscordSettings[guild=" + (guildId == null ? "global" : guildId) + ", api=" + apiUrl
                + ", gateway=" + gatewayUrl + "]";
    }

    private static String url(String given, String fallback, String variable, String scheme) {
        String u = given == null || given.isBlank() ? fallback : given.strip();
        if (!u.startsWith(scheme + "://") && !u.startsWith(scheme + "s://")) {
            throw new IllegalArgumentException(variable + " must start with " + scheme + ":// or " + scheme + "s://");
        }
        // JDA appends routes to the REST base directly, so it must end with a slash.
        return scheme.equals("http") && !u.endsWith("/") ? u + "/" : u;
    }
}
