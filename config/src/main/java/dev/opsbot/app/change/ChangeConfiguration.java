package dev.opsbot.app.change;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.alert.ChangeWindows;
import dev.opsbot.app.BadSetting;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.asset.AssetGraph;
import dev.opsbot.change.ChangeCommands;
import dev.opsbot.change.ChangeRecord;
import dev.opsbot.change.ChangeReminders;
import dev.opsbot.change.ChangeRequests;
import dev.opsbot.change.ChangeTemplates;
import dev.opsbot.change.ChangesToday;
import dev.opsbot.change.Freezes;
import dev.opsbot.change.ImpactAnalysis;
import dev.opsbot.change.SuspectChanges;
import dev.opsbot.chat.Outbox;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.incident.Incidents;
import dev.opsbot.kpi.ChangeOutcomes;
import dev.opsbot.oncall.OnCall;
import dev.opsbot.problem.ChangeLookup;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.Services;
import dev.opsbot.store.AuditLog;
import dev.opsbot.store.Counters;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Change management. The core collects the command binding, the due handler (window reminders),
 * the card notes (suspect changes on a declared incident) and the digest section by their types.
 * The inventory is whatever {@link AssetGraph} bean exists, or none, in which case every asset is unknown.
 */
@Configuration(proxyBeanMethods = false)
public class ChangeConfiguration {

    static final String SUSPECT_HOURS = "OPSBOT_SUSPECT_CHANGE_HOURS";

    @Bean
    ChangeRequests changeRequests(MongoDatabase db, Counters counters) {
        return ChangeRequests.inMongo(db, counters);
    }

    @Bean
    Freezes freezes(MongoDatabase db) {
        return Freezes.inMongo(db);
    }

    @Bean
    ChangeTemplates changeTemplates(MongoDatabase db) {
        return ChangeTemplates.inMongo(db);
    }

    @Bean
    ChangeRecord changeRecord(ChangeRequests changes) {
        return new ChangeRecord(changes);
    }

    /** The change success rate in /kpi. */
    @Bean
    ChangeOutcomes changeOutcomes(ChangeRecord record) {
        return record.outcomes();
    }

    /** Alerts on an asset under a running change are expected, not paged. */
    @Bean
    ChangeWindows changeWindows(ChangeRecord record) {
        return record.windows();
    }

    /** A problem's fix is checked against the changes recorded here. */
    @Bean
    ChangeLookup changeLookup(ChangeRecord record) {
        return record.lookup();
    }

    @Bean
    ImpactAnalysis impactAnalysis(ObjectProvider<AssetGraph> graph, Services services, OnCall onCall,
            Incidents incidents, ChangeRequests changes, Freezes freezes) {
        return new ImpactAnalysis(graph.getIfAvailable(AssetGraph::none), services, onCall, incidents, changes,
                freezes);
    }

    @Bean
    ChangeReminders changeReminders(ChangeRequests changes, Services services, DueItems due, Outbox outbox,
            OpsbotSettings settings) {
        return new ChangeReminders(changes, services, due, outbox, settings.zone());
    }

    @Bean
    SuspectChanges suspectChanges(ChangeRequests changes, OpsbotSettings settings, Environment env, Clock clock) {
        return new SuspectChanges(changes, suspectWindow(env.getProperty(SUSPECT_HOURS, "6")), settings.zone(),
                clock);
    }

    @Bean
    ChangesToday changesToday(ChangeRequests changes) {
        return new ChangesToday(changes);
    }

    @Bean
    CommandRoot.Binding<ChangeCommands> changeCommands(ChangeRequests changes, Freezes freezes,
            ChangeTemplates templates, ImpactAnalysis analysis, ChangeReminders reminders, Incidents incidents,
            AuditLog audit, Outbox outbox, OpsbotSettings settings) {
        return ChangeCommands.ROOT.handledBy(new ChangeCommands(changes, freezes, templates, analysis, reminders,
                incidents, audit, outbox, settings.zone()));
    }

    /** Whole hours, 1 to 168: changes older than a week are not what a new incident's card should suggest. */
    static Duration suspectWindow(String hours) {
        return Duration.ofHours(
                BadSetting.wholeNumber(SUSPECT_HOURS, hours, 1, 168, "whole hours from 1 to 168, e.g. 6"));
    }
}
