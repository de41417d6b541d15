package dev.opsbot.change;

import dev.opsbot.chat.Reply;
import dev.opsbot.oncall.Handoffs;
import dev.opsbot.oncall.OnCall;
import dev.opsbot.oncall.OnCallCommands;
import dev.opsbot.oncall.Rotations;
import dev.opsbot.schedule.DueHandlers;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.ServiceCommands;
import dev.opsbot.service.Services;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.CoreFixture;
import dev.opsbot.testing.RecordingPoster;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Change management wired on the core with services, on-call and due items as the application
 * wires them, and an in-memory asset graph: db-01 and pay-api under payments (pay-api on db-01),
 * web-01 (storefront) on pay-api, cache-01 under no service.
 */
final class ChangeFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("UTC");

    final CoreFixture core;
    final FakeGraph graph = new FakeGraph()
            .add("db-01", "payments").add("pay-api", "payments").add("web-01", "storefront")
            .add("cache-01")
            .dependsOn("pay-api", "db-01").dependsOn("web-01", "pay-api");
    final Services services;
    final Rotations rotations;
    final OnCall onCall;
    final DueHandlers handlers = new DueHandlers();
    final DueItems due;
    final ChangeRequests changes;
    final Freezes freezes;
    final ChangeTemplates templates;
    final ChangeReminders reminders;
    final ChangeRecord record;

    ChangeFixture() {
        this(MongoStore.inMemory());
    }

    ChangeFixture(MongoStore store) {
        core = new CoreFixture(store);
        var db = store.database();
        services = Services.inMongo(db);
        rotations = Rotations.inMongo(db);
        onCall = new OnCall(services, rotations);
        due = DueItems.inMongo(db, core.counters, handlers);
        changes = ChangeRequests.inMongo(db, core.counters);
        freezes = Freezes.inMongo(db);
        templates = ChangeTemplates.inMongo(db);
        reminders = new ChangeReminders(changes, services, due, core.outbox, ZONE);
        record = new ChangeRecord(changes);
        handlers.register(reminders);
        ImpactAnalysis analysis = new ImpactAnalysis(graph, services, onCall, core.incidents, changes, freezes);
        core.knowingServices(services::accepts)
                .noting(new SuspectChanges(changes, Duration.ofHours(6), ZONE, core.clock))
                .with(ServiceCommands.ROOT.handledBy(new ServiceCommands(services, core.audit)))
                .with(OnCallCommands.ROOT.handledBy(new OnCallCommands(services, rotations, onCall,
                        new Handoffs(rotations, onCall, due, core.outbox), core.audit, ZONE)))
                .with(ChangeCommands.ROOT.handledBy(new ChangeCommands(changes, freezes, templates, analysis,
                        reminders, core.incidents, core.audit, core.outbox, ZONE)));
    }

    Reply run(String who, String line) {
        return core.run(who, line);
    }

    /** Runs a command that must succeed, so a refusal shows up as the failure it is. */
    Reply ok(String who, String line) {
        Reply reply = core.run(who, line);
        if (reply.tone() == Reply.Tone.WARNING && reply.isPrivate()) {
            throw new AssertionError(line + " was refused: " + reply.plainText());
        }
        return reply;
    }

    /** Runs a command that must be refused, and returns the refusal. */
    Reply refused(String who, String line) {
        Reply reply = core.run(who, line);
        if (!(reply.tone() == Reply.Tone.WARNING && reply.isPrivate())) {
            throw new AssertionError(line + " was not refused: " + reply.plainText());
        }
        return reply;
    }

    Instant now() {
        return core.clock.instant();
    }

    void at(Instant t) {
        core.clock.set(t);
    }

    /** Moves the clock, fires what is due and delivers what that announced; returns how many items fired. */
    int advance(Duration by) {
        core.clock.advance(by);
        int fired = due.fireDue(core.clock.instant());
        core.outbox.deliverDue();
        return fired;
    }

    List<RecordingPoster.Post> postsTo(String channel) {
        return core.console.postsTo(channel);
    }

    long changeCount() {
        return core.store.database().getCollection("changes").countDocuments();
    }

    @Override
    public void close() {
        core.close();
    }
}
