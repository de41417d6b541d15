package dev.opsbot.app.discord;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.access.SeenGroups;
import dev.opsbot.chat.Outbox;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Suggestions;
import dev.opsbot.discord.ButtonCommands;
import dev.opsbot.discord.DiscordSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Discord, when {@code DISCORD_TOKEN} is set and opsbot runs as a server. The gateway session
 * opens once every bean is ready (see {@link DiscordConnection}); autocomplete asks every
 * {@link Suggestions} bean the features declare, open incidents first. Members' roles are
 * recorded in the {@link SeenGroups} the roles check reads, so a granted Discord role counts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DiscordEnabled.class)
public class DiscordConfiguration {

    @Bean
    DiscordSettings discordSettings(Environment env) {
        return DiscordSettings.fromEnvironment(env::getProperty);
    }

    @Bean
    DiscordConnection discordConnection(DiscordSettings settings, CommandRouter router, Outbox outbox,
            ObjectProvider<Suggestions> suggestions, MongoDatabase db, SeenGroups groups) {
        return new DiscordConnection(settings, router, outbox,
                Suggestions.all(suggestions.orderedStream().toList()), ButtonCommands.inMongo(db), groups);
    }
}
