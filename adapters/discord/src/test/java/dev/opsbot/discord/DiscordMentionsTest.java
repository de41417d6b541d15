package dev.opsbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.ChatGroup;
import dev.opsbot.chat.Platform;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordMentionsTest {

    private final DiscordMentions mentions = new DiscordMentions();

    @Test
    void readsDiscordsMentionSyntaxWithRememberedNames() {
        mentions.rememberUser("123", "bob");
        mentions.rememberChannel("456", "ops");

        assertThat(mentions.user("<@123>")).contains(new Actor(Platform.DISCORD, "123", "bob"));
        assertThat(mentions.user("<@!123>").map(Actor::name)).contains("bob");
        assertThat(mentions.user("<@77>").map(Actor::name)).contains("77");
        assertThat(mentions.channel("<#456>")).contains(new ChannelRef(Platform.DISCORD, "456", "ops"));
        assertThat(mentions.user("@bob")).isEmpty();
        assertThat(mentions.user("<@&123>")).as("a role is not a person").isEmpty();
        mentions.rememberRole("700", "SRE");
        assertThat(mentions.group("<@&700>")).contains(new ChatGroup(Platform.DISCORD, "700", "SRE"));
        assertThat(mentions.group("<@&700>").map(ChatGroup::key)).contains("group:discord:700");
        assertThat(mentions.group("<@700>")).as("a person is not a role").isEmpty();
        assertThat(mentions.channel("#ops")).isEmpty();
        assertThat(mentions.user("<@12a>")).isEmpty();
    }

    @Test
    void settingsDefaultToDiscordAndValidateWhatIsGiven() {
        DiscordSettings defaults = DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", " secret ")::get);
        assertThat(defaults.token()).isEqualTo("secret");
        assertThat(defaults.guild()).isEmpty();
        assertThat(defaults.apiUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(defaults.gatewayUrl()).isEqualTo("wss://gateway.discord.gg/");
        assertThat(defaults.toString()).doesNotContain("secret");

        DiscordSettings local = DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "t", "DISCORD_GUILD_ID", "42",
                "DISCORD_API_URL", "http://127.0.0.1:9/api/v10", "DISCORD_GATEWAY_URL", "ws://127.0.0.1:9/")::get);
        assertThat(local.guild()).contains("42");
        assertThat(local.apiUrl()).isEqualTo("http://127.0.0.1:9/api/v10/");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DiscordSettings.fromEnvironment(unset -> null)))
                .hasMessage("DISCORD_TOKEN is not set");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DiscordSettings.fromEnvironment(
                Map.of("DISCORD_TOKEN", "t", "DISCORD_GUILD_ID", "ops")::get))).hasMessageContaining("numeric guild id");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DiscordSettings.fromEnvironment(
                Map.of("DISCORD_TOKEN", "t", "DISCORD_GATEWAY_URL", "http://x")::get))).hasMessageContaining("ws://");
    }
}
