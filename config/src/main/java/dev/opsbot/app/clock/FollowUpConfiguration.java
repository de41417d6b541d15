package dev.opsbot.app.clock;

import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.chat.Notifier;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.followup.FollowUpCommands;
import dev.opsbot.followup.FollowUpPolicy;
import dev.opsbot.followup.IncidentFollowUps;
import dev.opsbot.followup.OverdueFollowUps;
import dev.opsbot.followup.ReviewReminders;
import dev.opsbot.followup.StaleReminders;
import dev.opsbot.followup.WhoMayAct;
import dev.opsbot.incident.Incidents;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.store.AuditLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Follow-ups: the incident listener that keeps them, the reminders, {@code /followup}, the digest section. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowUpSettings.class)
public class FollowUpConfiguration {

    @Bean
    FollowUpPolicy followUpPolicy(FollowUpSettings settings) {
        return settings.policy();
    }

    @Bean
    IncidentFollowUps incidentFollowUps(DueItems due, FollowUpPolicy policy) {
        return new IncidentFollowUps(due, policy);
    }

    @Bean
    StaleReminders staleReminders(Incidents incidents, DueItems due, Notifier notifier, FollowUpPolicy policy) {
        return new StaleReminders(incidents, due, notifier, policy);
    }

    @Bean
    ReviewReminders reviewReminders(Incidents incidents, DueItems due, Notifier notifier, FollowUpPolicy policy,
            OpsbotSettings settings) {
        return new ReviewReminders(incidents, due, notifier, policy, settings.zone());
    }

    @Bean
    CommandRoot.Binding<FollowUpCommands> followUpCommands(DueItems due, AuditLog audit, OpsbotSettings settings,
            WhoMayAct mayAct) {
        return FollowUpCommands.ROOT.handledBy(new FollowUpCommands(due, audit, mayAct));
    }

    @Bean
    OverdueFollowUps overdueFollowUps(DueItems due) {
        return new OverdueFollowUps(due);
    }
}
