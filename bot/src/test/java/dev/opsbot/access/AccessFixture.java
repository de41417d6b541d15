package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Reply;
import dev.opsbot.incident.Incident;
import dev.opsbot.ownership.OpsFixture;
import dev.opsbot.service.Service;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Services, on-call and escalation (the ops fixture) with roles on: {@code alice} is the
 * configured admin, everyone else starts with the given default role.
 */
final class AccessFixture implements AutoCloseable {

    final OpsFixture ops = new OpsFixture();
    final List<String> groupsOfMallory = new ArrayList<>();
    final Roles roles;

    AccessFixture(Role defaultRole) {
        this(new RoleSettings(List.of(Actor.console("alice")), defaultRole));
    }

    AccessFixture(RoleSettings settings) {
        roles = new Roles(settings, Grants.inMongo(ops.core.store.database()), new PrimaryOnCall(ops.services, ops.onCall),
                actor -> actor.id().equals("mallory") ? groupsOfMallory : List.of(), ops.core.clock);
        ItemServices incidents = item -> item.toUpperCase(Locale.ROOT).startsWith("INC-")
                ? ops.core.incidents.find(item.toUpperCase(Locale.ROOT)).map(Incident::service) : Optional.empty();
        ItemServices services = item -> ops.services.find(item.toLowerCase(Locale.ROOT)).map(Service::name);
        ItemServices followUps = new FollowUpServices(ops.due, List.of(incidents, services));
        ServiceScope scope = new ServiceScope(List.of(incidents, services, followUps));
        ops.worksOn = (who, item) -> roles.holds(who, "incident.update", scope.serviceOf(item).orElse(null));
        ops.core.with(RoleCommands.ROOT.handledBy(new RoleCommands(roles, ops.core.audit, ops.core.outbox,
                List.of(ops.core.incidentChannel), ops.services::accepts, ZoneOffset.UTC)));
        ops.core.router().useAccess(new RolePolicy(roles, scope, ops.core.audit));
    }

    Reply run(String who, String line) {
        return ops.run(who, line);
    }

    Reply ok(String who, String line) {
        return ops.ok(who, line);
    }

    /** Two services, each with a channel; as alice, who may do everything. */
    AccessFixture withServices() {
        ok("alice", "/service add payments --team core --channel #payments");
        ok("alice", "/service add search --team discovery --channel #search");
        return this;
    }

    @Override
    public void close() {
        ops.close();
    }
}
