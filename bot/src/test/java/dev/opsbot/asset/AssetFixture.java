package dev.opsbot.asset;

import dev.opsbot.chat.Reply;
import dev.opsbot.ownership.HandoverFollowUps;
import dev.opsbot.ownership.HandoverOffers;
import dev.opsbot.ownership.IncidentOwners;
import dev.opsbot.ownership.OwnerCommands;
import dev.opsbot.ownership.Owners;
import dev.opsbot.ownership.ServiceOwners;
import dev.opsbot.schedule.DueHandlers;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.ServiceCommands;
import dev.opsbot.service.Services;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Services, ownership (assets as a kind of item) and the inventory wired on the in-memory store as
 * the application wires them, with observations a test sets by hand.
 */
final class AssetFixture implements AutoCloseable {

    final CoreFixture core = new CoreFixture();
    final Services services = Services.inMongo(core.store.database());
    final Assets assets = Assets.inMongo(core.store.database());
    final AssetLinks links = AssetLinks.inMongo(core.store.database());
    final AssetJournal journal = AssetJournal.inMongo(core.store.database());
    final FakeObservations observations = new FakeObservations();
    final Inventory inventory = new Inventory(assets, journal, core.audit, services, core.incidents,
            observations, Duration.ofDays(30));
    final AssetRelations relations = new AssetRelations(inventory, links);
    final InventoryGraph graph = new InventoryGraph(inventory, relations);

    AssetFixture() {
        DueHandlers handlers = new DueHandlers();
        DueItems due = DueItems.inMongo(core.store.database(), core.counters, handlers);
        HandoverOffers offers = HandoverOffers.inMongo(core.store.database());
        Owners owners = new Owners(List.of(new IncidentOwners(core.incidents, services), new ServiceOwners(services),
                new AssetOwners(assets, services, journal, core.incidentChannel)));
        HandoverFollowUps followUps = new HandoverFollowUps(offers, owners, due, core.outbox, core.audit);
        handlers.register(followUps);
        core.knowingServices(services::accepts)
                .with(ServiceCommands.ROOT.handledBy(new ServiceCommands(services, core.audit)))
                .with(OwnerCommands.ROOT.handledBy(new OwnerCommands(owners, offers, followUps, core.audit)))
                .with(AssetCommands.ROOT.handledBy(new AssetCommands(inventory, relations,
                        new InventoryAudit(inventory, links), AssetVerifier.unavailable())));
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

    /** Runs a command that must be refused and returns what the person was told. */
    String refused(String who, String line) {
        Reply reply = core.run(who, line);
        if (reply.tone() != Reply.Tone.WARNING || !reply.isPrivate()) {
            throw new AssertionError(line + " was not refused: " + reply.plainText());
        }
        return reply.plainText();
    }

    @Override
    public void close() {
        core.close();
    }
}
