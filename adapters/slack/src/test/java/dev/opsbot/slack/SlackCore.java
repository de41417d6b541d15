package dev.opsbot.slack;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.MongoOutbox;
import dev.opsbot.chat.Outbox;
import dev.opsbot.chat.Platform;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.MongoHandledRequests;
import dev.opsbot.incident.IncidentCommands;
import dev.opsbot.incident.Incidents;
import dev.opsbot.store.MongoAuditLog;
import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;

/**
 * The core as the application wires it, on a given store, announcing incidents to a Slack
 * channel. A second instance on the same store is what a restart looks like.
 */
final class SlackCore {

    static final ChannelRef INCIDENTS = new ChannelRef(Platform.SLACK, "CINCIDENTS", "incidents");

    final MutableClock clock;
    final MongoAuditLog audit;
    final Incidents incidents;
    final Outbox outbox;
    final CommandRouter router;

    SlackCore(MongoStore store, MutableClock clock, CommandRoot.Binding<?>... extra) {
        this.clock = clock;
        MongoCounters counters = new MongoCounters(store.database());
        this.audit = new MongoAuditLog(store.database());
        this.incidents = Incidents.inMongo(store.database(), counters);
        this.outbox = new Outbox(new MongoOutbox(store.database()), clock);
        List<CommandRoot.Binding<?>> bindings = new ArrayList<>();
        bindings.add(IncidentCommands.ROOT.handledBy(
                new IncidentCommands(incidents, audit, outbox, List.of(INCIDENTS), List.of())));
        bindings.addAll(List.of(extra));
        this.router = new CommandRouter(bindings, new MongoHandledRequests(store.database()), clock);
    }
}
