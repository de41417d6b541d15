package dev.opsbot.app.clock;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.chat.Notifier;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.digest.Digest;
import dev.opsbot.digest.DigestCommands;
import dev.opsbot.digest.DigestPoster;
import dev.opsbot.digest.DigestSection;
import dev.opsbot.digest.DigestSubscriptions;
import dev.opsbot.digest.OpenIncidents;
import dev.opsbot.digest.UnacknowledgedIncidents;
import dev.opsbot.incident.Incidents;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.store.AuditLog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Channel digests: every {@link DigestSection} bean joins the digest, posted by a due item per channel. */
@Configuration(proxyBeanMethods = false)
public class DigestConfiguration {

    @Bean
    DigestSubscriptions digestSubscriptions(MongoDatabase db) {
        return DigestSubscriptions.inMongo(db);
    }

    @Bean
    OpenIncidents openIncidentsSection(Incidents incidents) {
        return new OpenIncidents(incidents);
    }

    @Bean
    UnacknowledgedIncidents unacknowledgedSection(Incidents incidents) {
        return new UnacknowledgedIncidents(incidents);
    }

    @Bean
    Digest digest(ObjectProvider<DigestSection> sections) {
        return new Digest(sections.orderedStream().toList());
    }

    @Bean
    DigestPoster digestPoster(DigestSubscriptions subscriptions, Digest digest, DueItems due, Notifier notifier) {
        return new DigestPoster(subscriptions, digest, due, notifier);
    }

    @Bean
    CommandRoot.Binding<DigestCommands> digestCommands(DigestSubscriptions subscriptions, Digest digest,
            DueItems due, AuditLog audit, OpsbotSettings settings) {
        return DigestCommands.ROOT.handledBy(new DigestCommands(subscriptions, digest, due, audit, settings.zone()));
    }

    /** A subscription whose next post was lost (a crash between saving it and scheduling) gets one again. */
    @Bean
    ApplicationRunner resumeDigests(DigestPoster poster, Clock clock) {
        return args -> poster.resume(clock.instant());
    }
}
