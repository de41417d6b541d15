package dev.opsbot.app.channel;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.channel.ChannelCommands;
import dev.opsbot.channel.ChannelZones;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.store.AuditLog;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each channel's zone for times on screen (the team's, OPSBOT_TIMEZONE, unless chosen), and {@code /channel}. */
@Configuration(proxyBeanMethods = false)
public class ChannelConfiguration {

    @Bean
    ChannelZones channelZones(MongoDatabase db, OpsbotSettings settings, Clock clock) {
        return ChannelZones.inMongo(db, settings.zone(), clock);
    }

    @Bean
    CommandRoot.Binding<ChannelCommands> channelCommands(ChannelZones zones, AuditLog audit) {
        return ChannelCommands.ROOT.handledBy(new ChannelCommands(zones, audit));
    }
}
