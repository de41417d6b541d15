package dev.opsbot.asset;

import dev.opsbot.chat.Reply;
import dev.opsbot.ownership.OpsFixture;
import java.time.Duration;
import java.time.ZoneId;

/** Services, ownership and the inventory wired on the in-memory store as the application wires them. */
final class AssetFixture implements AutoCloseable {

    final OpsFixture ops = new OpsFixture();
    final Assets assets = Assets.inMongo(ops.core.store.database());
    final AssetLinks links = AssetLinks.inMongo(ops.core.store.database());
    final AssetJournal journal = AssetJournal.inMongo(ops.core.store.database());
    final FakeObservations observations = new FakeObservations();
    final Inventory inventory = new Inventory(assets, journal, ops.core.audit, ops.services, ops.core.incidents,
            observations, ZoneId.of("UTC"), Duration.ofDays(30));
    final AssetRelations relations = new AssetRelations(inventory, links);
    final InventoryGraph graph = new InventoryGraph(inventory, relations);

    AssetFixture() {
        ops.core.with(AssetCommands.ROOT.handledBy(new AssetCommands(inventory, relations,
                AssetVerifier.unavailable())));
    }

    Reply run(String who, String line) {
        return ops.run(who, line);
    }

    Reply ok(String who, String line) {
        return ops.ok(who, line);
    }

    /** Refused replies come back privately with a warning tone; this returns their text. */
    String refused(String who, String line) {
        Reply reply = ops.run(who, line);
        if (reply.tone() != Reply.Tone.WARNING || !reply.isPrivate()) {
            throw new AssertionError(line + " was not refused: " + reply.plainText());
        }
        return reply.plainText();
    }

    @Override
    public void close() {
        ops.close();
    }
}
