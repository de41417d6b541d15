package dev.opsbot.app.problem;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.access.ItemServices;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.chat.Outbox;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.digest.DigestSection;
import dev.opsbot.incident.CardNotes;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.KnownServices;
import dev.opsbot.ownership.OwnedItems;
import dev.opsbot.problem.Candidates;
import dev.opsbot.problem.ChangeLookup;
import dev.opsbot.problem.KnownErrors;
import dev.opsbot.problem.NewCandidates;
import dev.opsbot.problem.Problem;
import dev.opsbot.problem.ProblemCommands;
import dev.opsbot.problem.ProblemOwners;
import dev.opsbot.problem.ProblemReminders;
import dev.opsbot.problem.Problems;
import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.store.AuditLog;
import dev.opsbot.store.Counters;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Problems. The core collects the command binding, the card notes (known errors), the digest
 * section, the due handlers, the ownership kind and the item-service lookup declared here by their
 * types. The fix of a problem is checked through a {@link ChangeLookup} bean when a feature
 * records changes; without one, changes are not recorded here.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemConfiguration {

    @Bean
    Problems problems(MongoDatabase db, Counters counters) {
        return Problems.inMongo(db, counters);
    }

    @Bean
    Candidates problemCandidates(Incidents incidents, Problems problems) {
        return new Candidates(incidents, problems);
    }

    @Bean
    CommandRoot.Binding<ProblemCommands> problemCommands(Problems problems, Incidents incidents, Outbox outbox,
            ObjectProvider<ChangeLookup> changes, DueItems due, ObjectProvider<KnownServices> services,
            AuditLog audit, OpsbotSettings settings) {
        return ProblemCommands.ROOT.handledBy(new ProblemCommands(problems, incidents, outbox,
                changes.getIfAvailable(() -> ChangeLookup.NONE), due,
                services.getIfAvailable(() -> KnownServices.ANY), audit, settings.zone()));
    }

    @Bean
    CardNotes knownErrors(Problems problems) {
        return new KnownErrors(problems);
    }

    @Bean
    DigestSection newProblemCandidates(Candidates candidates) {
        return new NewCandidates(candidates);
    }

    @Bean
    DueHandler problemActionReminders(Problems problems, DueItems due, Outbox outbox) {
        return ProblemReminders.actions(problems, due, outbox);
    }

    @Bean
    DueHandler problemReviewReminders(Problems problems, DueItems due, Outbox outbox) {
        return ProblemReminders.reviews(problems, due, outbox);
    }

    @Bean
    OwnedItems problemOwners(Problems problems) {
        return new ProblemOwners(problems);
    }

    /** A problem belongs to the service it was opened on. */
    @Bean
    ItemServices problemServices(Problems problems) {
        return item -> item.toUpperCase(Locale.ROOT).startsWith("PRB-")
                ? problems.find(item.toUpperCase(Locale.ROOT)).map(Problem::service)
                : Optional.empty();
    }
}
