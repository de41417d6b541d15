package dev.opsbot.problem;

import dev.opsbot.chat.Reply;
import dev.opsbot.followup.FollowUpCommands;
import dev.opsbot.followup.WhoMayAct;
import dev.opsbot.incident.IncidentActions;
import dev.opsbot.incident.Severity;
import dev.opsbot.incident.KnownServices;
import dev.opsbot.ownership.IncidentOwners;
import dev.opsbot.ownership.Owned;
import dev.opsbot.ownership.OwnerCommands;
import dev.opsbot.ownership.Owners;
import dev.opsbot.ownership.HandoverFollowUps;
import dev.opsbot.ownership.HandoverOffers;
import dev.opsbot.ownership.ServiceOwners;
import dev.opsbot.schedule.DueHandlers;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.Services;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems wired on the core fixture as the application wires them: the real store, due items,
 * follow-ups and ownership, known-error notes on declarations, and a change record tests fill in.
 */
final class ProblemFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("UTC");

    final CoreFixture core;
    final Problems problems;
    final DueHandlers handlers = new DueHandlers();
    final DueItems due;
    /** Changes as a change feature would record them: id → completed. */
    final Map<String, Boolean> changes = new HashMap<>();
    /** Whether changes are recorded at all; off plays an instance without the change feature. */
    boolean changesRecorded = true;
    final IncidentActions declaring;
    final Candidates candidates;

    ProblemFixture() {
        this(MongoStore.inMemory());
    }

    ProblemFixture(MongoStore store) {
        core = new CoreFixture(store);
        problems = Problems.inMongo(store.database(), core.counters);
        due = DueItems.inMongo(store.database(), core.counters, handlers);
        candidates = new Candidates(core.incidents, problems);
        ChangeLookup lookup = id -> !changesRecorded ? new ChangeLookup.Unrecorded()
                : changes.containsKey(id) ? new ChangeLookup.Recorded(id, "fix", changes.get(id))
                : new ChangeLookup.Missing();
        handlers.register(ProblemReminders.actions(problems, due, core.outbox));
        handlers.register(ProblemReminders.reviews(problems, due, core.outbox));
        Services services = Services.inMongo(store.database());
        Owners owners = new Owners(List.of(new IncidentOwners(core.incidents, services), new ProblemOwners(problems),
                new ServiceOwners(services)));
        HandoverOffers offers = HandoverOffers.inMongo(store.database());
        HandoverFollowUps followUps = new HandoverFollowUps(offers, owners, due, core.outbox, core.audit);
        handlers.register(followUps);
        declaring = new IncidentActions(core.incidents, core.audit, core.outbox, List.of(core.incidentChannel),
                List.of(), List.of(new KnownErrors(problems)));
        core.with(ProblemCommands.ROOT.handledBy(new ProblemCommands(problems, core.incidents, core.outbox, lookup,
                        due, KnownServices.ANY, core.audit, ZONE)))
                .with(OwnerCommands.ROOT.handledBy(new OwnerCommands(owners, offers, followUps, core.audit)))
                .with(FollowUpCommands.ROOT.handledBy(new FollowUpCommands(due, core.audit,
                        new WhoMayAct(item -> owners.find(item).map(Owned::owner)))));
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

    /** Declares an incident as the command does, with the known-error notes on its card. */
    IncidentActions.Declared declare(String title, String service) {
        IncidentActions.Declared declared = declaring.declare(Severity.SEV2, title, service, core.here,
                dev.opsbot.chat.Actor.console("alice"), core.clock.instant());
        core.outbox.deliverDue();
        return declared;
    }

    void advance(Duration by) {
        core.clock.advance(by);
    }

    int tick(Duration by) {
        core.clock.advance(by);
        int fired = due.fireDue(core.clock.instant());
        core.outbox.deliverDue();
        return fired;
    }

    @Override
    public void close() {
        core.close();
    }
}
