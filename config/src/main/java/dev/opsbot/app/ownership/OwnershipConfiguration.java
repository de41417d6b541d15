package dev.opsbot.app.ownership;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.access.Roles;
import dev.opsbot.access.ServiceScope;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.chat.Outbox;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.escalation.Escalation;
import dev.opsbot.escalation.EscalationCommands;
import dev.opsbot.escalation.EscalationPolicies;
import dev.opsbot.followup.WhoMayAct;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.KnownServices;
import dev.opsbot.oncall.Handoffs;
import dev.opsbot.oncall.OnCall;
import dev.opsbot.oncall.OnCallCommands;
import dev.opsbot.oncall.OnCallNow;
import dev.opsbot.oncall.Rotations;
import dev.opsbot.ownership.AssignmentEndsHandover;
import dev.opsbot.ownership.HandoverFollowUps;
import dev.opsbot.ownership.HandoverOffers;
import dev.opsbot.ownership.IncidentOwners;
import dev.opsbot.ownership.Owned;
import dev.opsbot.ownership.OwnedItems;
import dev.opsbot.ownership.OwnerCommands;
import dev.opsbot.ownership.OwnerlessItems;
import dev.opsbot.ownership.Owners;
import dev.opsbot.ownership.PendingHandovers;
import dev.opsbot.ownership.ServiceOwners;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.schedule.Routine;
import dev.opsbot.service.ServiceCommands;
import dev.opsbot.service.ServiceSuggestions;
import dev.opsbot.service.Services;
import dev.opsbot.store.AuditLog;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Services, ownership and handover, on-call and escalation. The core collects the command
 * bindings, the incident listener, the due handlers, the routine and the digest sections
 * declared here by their types.
 */
@Configuration(proxyBeanMethods = false)
public class OwnershipConfiguration {

    @Bean
    Services services(MongoDatabase db) {
        return Services.inMongo(db);
    }

    @Bean
    KnownServices knownServices(Services services) {
        return services::accepts;
    }

    @Bean
    @Order(1)
    ServiceSuggestions serviceSuggestions(Services services) {
        return new ServiceSuggestions(services);
    }

    @Bean
    Rotations rotations(MongoDatabase db) {
        return Rotations.inMongo(db);
    }

    @Bean
    EscalationPolicies escalationPolicies(MongoDatabase db) {
        return EscalationPolicies.inMongo(db);
    }

    @Bean
    HandoverOffers handoverOffers(MongoDatabase db) {
        return HandoverOffers.inMongo(db);
    }

    @Bean
    OnCall onCall(Services services, Rotations rotations) {
        return new OnCall(services, rotations);
    }

    @Bean
    Owners owners(Incidents incidents, Services services, ObjectProvider<OwnedItems> features) {
        // Kinds with prefixed ids (incidents, then other features' beans: problems, assets) come
        // before free service names, so "inc-7" is an incident and "prb-2" a problem; an asset may
        // not take a service's name, so the order never decides between those two.
        List<OwnedItems> kinds = new ArrayList<>(List.of(new IncidentOwners(incidents, services)));
        features.orderedStream().forEach(kinds::add);
        kinds.add(new ServiceOwners(services));
        return new Owners(kinds);
    }

    @Bean
    Handoffs handoffs(Rotations rotations, OnCall onCall, DueItems due, Outbox outbox) {
        return new Handoffs(rotations, onCall, due, outbox);
    }

    @Bean
    Escalation escalation(Incidents incidents, Services services, OnCall onCall, EscalationPolicies policies,
            DueItems due, Outbox outbox, OpsbotSettings settings) {
        return new Escalation(incidents, services, onCall, policies, due, outbox, settings.escalationRepeatsCount(),
                settings.zone());
    }

    /**
     * A follow-up may be put off or finished by whoever it waits on or whoever owns its item; with
     * roles on, also by whoever may work incidents on the item's service.
     */
    @Bean
    WhoMayAct whoMayAct(Owners owners, Roles roles, ServiceScope scope) {
        if (!roles.enabled()) {
            return new WhoMayAct(item -> owners.find(item).map(Owned::owner));
        }
        return new WhoMayAct(item -> owners.find(item).map(Owned::owner),
                (who, item) -> roles.holds(who, "incident.update", scope.serviceOf(item).orElse(null)));
    }

    @Bean
    HandoverFollowUps handoverFollowUps(HandoverOffers offers, Owners owners, DueItems due, Outbox outbox,
            AuditLog audit) {
        return new HandoverFollowUps(offers, owners, due, outbox, audit);
    }

    @Bean
    AssignmentEndsHandover assignmentEndsHandover(HandoverOffers offers, HandoverFollowUps followUps) {
        return new AssignmentEndsHandover(offers, followUps);
    }

    @Bean
    Routine ownerlessItems(Owners owners, Outbox outbox) {
        return new OwnerlessItems(owners, outbox).routine();
    }

    @Bean
    PendingHandovers pendingHandovers(HandoverOffers offers) {
        return new PendingHandovers(offers);
    }

    @Bean
    OnCallNow onCallNow(Rotations rotations, OnCall onCall) {
        return new OnCallNow(rotations, onCall);
    }

    @Bean
    CommandRoot.Binding<ServiceCommands> serviceCommands(Services services, AuditLog audit) {
        return ServiceCommands.ROOT.handledBy(new ServiceCommands(services, audit));
    }

    @Bean
    CommandRoot.Binding<OwnerCommands> ownerCommands(Owners owners, HandoverOffers offers,
            HandoverFollowUps followUps, AuditLog audit) {
        return OwnerCommands.ROOT.handledBy(new OwnerCommands(owners, offers, followUps, audit));
    }

    @Bean
    CommandRoot.Binding<OnCallCommands> onCallCommands(Services services, Rotations rotations, OnCall onCall,
            Handoffs handoffs, AuditLog audit, OpsbotSettings settings) {
        return OnCallCommands.ROOT.handledBy(new OnCallCommands(services, rotations, onCall, handoffs, audit,
                settings.zone()));
    }

    @Bean
    CommandRoot.Binding<EscalationCommands> escalationCommands(Services services, EscalationPolicies policies,
            AuditLog audit, OpsbotSettings settings) {
        return EscalationCommands.ROOT.handledBy(new EscalationCommands(services, policies, audit,
                settings.escalationRepeatsCount()));
    }
}
