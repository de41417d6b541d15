package dev.opsbot.app.access;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.access.FollowUpServices;
import dev.opsbot.access.Grants;
import dev.opsbot.access.ItemServices;
import dev.opsbot.access.PrimaryOnCall;
import dev.opsbot.access.RoleCommands;
import dev.opsbot.access.RolePolicy;
import dev.opsbot.access.RoleSettings;
import dev.opsbot.access.Roles;
import dev.opsbot.access.SeenGroups;
import dev.opsbot.access.ServiceScope;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.audit.AuditCommands;
import dev.opsbot.audit.AuditTrail;
import dev.opsbot.chat.Outbox;
import dev.opsbot.command.AccessPolicy;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.oncall.OnCall;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.store.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Roles and the audit trail. {@code OPSBOT_ADMINS} turns roles on; unset, the router's policy is
 * {@link AccessPolicy#OPEN} and no grant is ever read.
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    @Bean
    RoleSettings roleSettings(Environment env) {
        return RoleSettings.parse(env.getProperty("opsbot.admins"), env.getProperty("opsbot.default-role"));
    }

    /** Chat-group memberships as the adapters see them with each interaction (Discord's member roles). */
    @Bean
    SeenGroups seenGroups() {
        return new SeenGroups();
    }

    @Bean
    Roles roles(RoleSettings settings, MongoDatabase db, Services services, OnCall onCall, SeenGroups groups,
            Clock clock) {
        return new Roles(settings, Grants.inMongo(db), new PrimaryOnCall(services, onCall), groups, clock);
    }

    /** An incident belongs to the service it was declared on. */
    @Bean
    ItemServices incidentServices(Incidents incidents) {
        return incidentsOn(incidents);
    }

    /** A service name is its own service. */
    @Bean
    ItemServices serviceNames(Services services) {
        return namesOf(services);
    }

    /**
     * A follow-up belongs to the service of what it is about: an incident, a service, or any other
     * feature's item (a problem, an asset), asked when a command needs it, once every feature is wired.
     */
    @Bean
    ItemServices followUpServices(DueItems due, ObjectProvider<ItemServices> features) {
        ItemServices subjects = item -> features.orderedStream().filter(f -> !(f instanceof FollowUpServices))
                .map(f -> f.serviceOf(item)).flatMap(java.util.Optional::stream).findFirst();
        return new FollowUpServices(due, List.of(subjects));
    }

    private static ItemServices incidentsOn(Incidents incidents) {
        return item -> item.toUpperCase(Locale.ROOT).startsWith("INC-")
                ? incidents.find(item.toUpperCase(Locale.ROOT)).map(Incident::service)
                : java.util.Optional.empty();
    }

    private static ItemServices namesOf(Services services) {
        return item -> services.find(item.toLowerCase(Locale.ROOT)).map(Service::name);
    }

    /** Which service a command's item belongs to, asked of every feature that has such items. */
    @Bean
    ServiceScope serviceScope(ObjectProvider<ItemServices> features) {
        return new ServiceScope(features.orderedStream().toList());
    }

    @Bean
    AccessPolicy accessPolicy(RoleSettings settings, Roles roles, ServiceScope scope, AuditLog audit,
            Environment env) {
        if (!settings.enabled()) {
            if ("server".equals(env.getProperty("opsbot.mode"))) {
                log.warn("Roles are off because OPSBOT_ADMINS is not set: everyone may run every command.");
            }
            return AccessPolicy.OPEN;
        }
        return new RolePolicy(roles, scope, audit);
    }

    @Bean
    CommandRoot.Binding<RoleCommands> roleCommands(Roles roles, AuditLog audit, Outbox outbox,
            OpsbotSettings settings, Services services, Environment env) {
        return RoleCommands.ROOT.handledBy(new RoleCommands(roles, audit, outbox,
                settings.incidentChannels(OpsbotSettings.chatPlatforms(env::getProperty)),
                services::accepts, settings.zone()));
    }

    @Bean
    AuditTrail auditTrail(MongoDatabase db) {
        return AuditTrail.inMongo(db);
    }

    @Bean
    CommandRoot.Binding<AuditCommands> auditCommands(AuditTrail trail, OpsbotSettings settings) {
        return AuditCommands.ROOT.handledBy(new AuditCommands(trail, settings.zone()));
    }
}
