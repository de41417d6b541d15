package dev.opsbot.ownership;

import dev.opsbot.chat.Reply;
import dev.opsbot.escalation.Escalation;
import dev.opsbot.escalation.EscalationCommands;
import dev.opsbot.escalation.EscalationPolicies;
import dev.opsbot.followup.FollowUpCommands;
import dev.opsbot.followup.WhoMayAct;
import dev.opsbot.oncall.Handoffs;
import dev.opsbot.oncall.OnCall;
import dev.opsbot.oncall.OnCallCommands;
import dev.opsbot.oncall.Rotations;
import dev.opsbot.schedule.DueHandlers;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.ServiceCommands;
import dev.opsbot.service.Services;
import dev.opsbot.testing.CoreFixture;
import dev.opsbot.testing.RecordingPoster;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Services, on-call, escalation and ownership wired on the core fixture as the application wires
 * them, with the real due items in the same in-memory store and a clock tests move by hand.
 */
public final class OpsFixture implements AutoCloseable {

    public final CoreFixture core = new CoreFixture();
    public final Services services = Services.inMongo(core.store.database());
    public final Rotations rotations = Rotations.inMongo(core.store.database());
    public final EscalationPolicies policies = EscalationPolicies.inMongo(core.store.database());
    public final HandoverOffers offers = HandoverOffers.inMongo(core.store.database());
    public final DueHandlers handlers = new DueHandlers();
    public final DueItems due = DueItems.inMongo(core.store.database(), core.counters, handlers);
    public final OnCall onCall = new OnCall(services, rotations);
    public final Handoffs handoffs = new Handoffs(rotations, onCall, due, core.outbox);
    public final Escalation escalation;
    public final Owners owners = new Owners(List.of(new IncidentOwners(core.incidents, services),
            new ServiceOwners(services)));
    public final HandoverFollowUps followUps = new HandoverFollowUps(offers, owners, due, core.outbox, core.audit);
    /** Who may act on an item beyond its owner; a roles fixture sets it. */
    public java.util.function.BiPredicate<dev.opsbot.chat.Actor, String> worksOn = (who, item) -> false;
    public final OwnerlessItems ownerless = new OwnerlessItems(owners, core.outbox);

    public OpsFixture() {
        this(ZoneId.of("UTC"));
    }

    /** {@code teamZone} plays OPSBOT_TIMEZONE: rotations without --tz and page times use it. */
    public OpsFixture(ZoneId teamZone) {
        core.zones(channel -> teamZone);
        escalation = new Escalation(core.incidents, services, onCall, policies, due, core.outbox,
                Escalation.STANDARD_REPEATS, teamZone);
        handlers.register(handoffs);
        handlers.register(escalation);
        handlers.register(followUps);
        core.knowingServices(services::accepts)
                .listening(escalation)
                .listening(new AssignmentEndsHandover(offers, followUps))
                .with(ServiceCommands.ROOT.handledBy(new ServiceCommands(services, core.audit)))
                .with(OnCallCommands.ROOT.handledBy(new OnCallCommands(services, rotations, onCall, handoffs,
                        core.audit, teamZone)))
                .with(EscalationCommands.ROOT.handledBy(new EscalationCommands(services, policies, core.audit,
                        Escalation.STANDARD_REPEATS)))
                .with(OwnerCommands.ROOT.handledBy(new OwnerCommands(owners, offers, followUps, core.audit)))
                .with(FollowUpCommands.ROOT.handledBy(new FollowUpCommands(due, core.audit,
                        new WhoMayAct(item -> owners.find(item).map(Owned::owner), (who, item) -> worksOn.test(who, item)))));
    }

    public Reply run(String who, String line) {
        return core.run(who, line);
    }

    /** Runs a command that must succeed, so a refusal shows up as the failure it is. */
    public Reply ok(String who, String line) {
        Reply reply = core.run(who, line);
        if (reply.tone() == Reply.Tone.WARNING && reply.isPrivate()) {
            throw new AssertionError(line + " was refused: " + reply.plainText());
        }
        return reply;
    }

    /** Moves the clock, fires what is due and delivers what that announced; returns how many items fired. */
    public int advance(Duration by) {
        core.clock.advance(by);
        int fired = due.fireDue(core.clock.instant());
        core.outbox.deliverDue();
        return fired;
    }

    public List<RecordingPoster.Post> postsTo(String channel) {
        return core.console.postsTo(channel);
    }

    @Override
    public void close() {
        core.close();
    }
}
