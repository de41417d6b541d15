package dev.opsbot.change;

import dev.opsbot.chat.Reply;
import dev.opsbot.ownership.OpsFixture;
import dev.opsbot.testing.RecordingPoster;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Change management wired on the operations fixture (services, on-call, due items, incidents) as
 * the application wires it, with an in-memory asset graph: db-01 under payments, pay-api on db-01,
 * web-01 (storefront) on pay-api.
 */
final class ChangeFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("UTC");

    final OpsFixture ops;
    final FakeGraph graph = new FakeGraph()
            .add("db-01", "payments").add("pay-api", "payments").add("web-01", "storefront")
            .add("cache-01")
            .dependsOn("pay-api", "db-01").dependsOn("web-01", "pay-api");
    final ChangeRequests changes;
    final Freezes freezes;
    final ChangeTemplates templates;
    final ChangeReminders reminders;
    final ChangeRecord record;

    ChangeFixture() {
        this(new OpsFixture(ZONE));
    }

    ChangeFixture(OpsFixture ops) {
        this.ops = ops;
        var db = ops.core.store.database();
        changes = ChangeRequests.inMongo(db, ops.core.counters);
        freezes = Freezes.inMongo(db);
        templates = ChangeTemplates.inMongo(db);
        reminders = new ChangeReminders(changes, ops.services, ops.due, ops.core.outbox, ZONE);
        record = new ChangeRecord(changes);
        ops.handlers.register(reminders);
        ImpactAnalysis analysis = new ImpactAnalysis(graph, ops.services, ops.onCall, ops.core.incidents, changes,
                freezes, ZONE);
        ops.core.noting(new SuspectChanges(changes, Duration.ofHours(6), ZONE))
                .with(ChangeCommands.ROOT.handledBy(new ChangeCommands(changes, freezes, templates, analysis,
                        reminders, ops.core.incidents, ops.core.audit, ops.core.outbox, ZONE)));
    }

    Reply run(String who, String line) {
        return ops.run(who, line);
    }

    Reply ok(String who, String line) {
        return ops.ok(who, line);
    }

    /** Runs a command that must be refused, and returns the refusal. */
    Reply refused(String who, String line) {
        Reply reply = ops.run(who, line);
        if (!(reply.tone() == Reply.Tone.WARNING && reply.isPrivate())) {
            throw new AssertionError(line + " was not refused: " + reply.plainText());
        }
        return reply;
    }

    Instant now() {
        return ops.core.clock.instant();
    }

    void at(Instant t) {
        ops.core.clock.set(t);
    }

    int advance(Duration by) {
        return ops.advance(by);
    }

    List<RecordingPoster.Post> postsTo(String channel) {
        return ops.postsTo(channel);
    }

    long changeCount() {
        return ops.core.store.database().getCollection("changes").countDocuments();
    }

    @Override
    public void close() {
        ops.close();
    }
}
