package dev.opsbot.testing;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.MongoOutbox;
import dev.opsbot.chat.Outbox;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Invocation;
import dev.opsbot.command.MongoHandledRequests;
import dev.opsbot.incident.CardNotes;
import dev.opsbot.incident.IncidentActions;
import dev.opsbot.incident.IncidentCommands;
import dev.opsbot.incident.IncidentListener;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.KnownServices;
import dev.opsbot.store.AuditLog;
import dev.opsbot.store.MongoAuditLog;
import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The core wired on an in-memory embedded store, as the application wires it, for tests that
 * run commands end to end without a platform. Close it after use.
 */
public final class CoreFixture implements AutoCloseable {

    public final MutableClock clock = MutableClock.at("2026-11-27T14:00:00Z");
    public final MongoStore store;
    public final MongoCounters counters;
    public final AuditLog audit;
    public final Outbox outbox;
    public final RecordingPoster console = new RecordingPoster(Platform.CONSOLE);
    public final Incidents incidents;
    public final ChannelRef incidentChannel = ChannelRef.console("incidents");
    public final ChannelRef here = ChannelRef.console("ops");
    private final List<CommandRoot.Binding<?>> bindings = new ArrayList<>();
    private final List<IncidentListener> incidentListeners = new ArrayList<>();
    private final List<CardNotes> cardNotes = new ArrayList<>();
    private KnownServices knownServices = KnownServices.ANY;
    private CommandRouter router;
    private Function<ChannelRef, ZoneId> zones = channel -> ZoneOffset.UTC;

    public CoreFixture() {
        this(MongoStore.inMemory());
    }

    public CoreFixture(MongoStore store) {
        this.store = store;
        this.counters = new MongoCounters(store.database());
        this.audit = new MongoAuditLog(store.database());
        this.outbox = new Outbox(new MongoOutbox(store.database()), clock);
        this.outbox.register(console);
        this.incidents = Incidents.inMongo(store.database(), counters);
    }

    /** Adds a feature's commands; call before the first {@link #run}. */
    public CoreFixture with(CommandRoot.Binding<?> binding) {
        bindings.add(binding);
        return this;
    }

    public CoreFixture listening(IncidentListener listener) {
        incidentListeners.add(listener);
        return this;
    }

    /** Adds lines a feature puts on declared incidents' cards; call before the first {@link #run}. */
    public CoreFixture noting(CardNotes notes) {
        cardNotes.add(notes);
        return this;
    }

    /** Makes /incident declare --service refuse names this does not know; call before the first {@link #run}. */
    public CoreFixture knowingServices(KnownServices services) {
        knownServices = services;
        return this;
    }

    /** How channels read times (their own zone, else the team's); call before the first {@link #run}. */
    public CoreFixture zones(Function<ChannelRef, ZoneId> zoneOf) {
        zones = zoneOf;
        return this;
    }

    public CommandRouter router() {
        if (router == null) {
            List<CommandRoot.Binding<?>> all = new ArrayList<>();
            all.add(IncidentCommands.ROOT.handledBy(new IncidentCommands(incidents, new IncidentActions(incidents,
                    audit, outbox, List.of(incidentChannel), incidentListeners, cardNotes), knownServices)));
            all.addAll(bindings);
            router = new CommandRouter(all, new MongoHandledRequests(store.database()), clock);
            router.useZones(zones);
        }
        return router;
    }

    /** Runs a command line as a console user in #ops and delivers any announcements it made. */
    public Reply run(String who, String line) {
        Reply reply = router().handle(Invocation.of(Actor.console(who), here, line));
        outbox.deliverDue();
        return reply;
    }

    @Override
    public void close() {
        store.close();
    }
}
