package dev.opsbot.probe;

import dev.opsbot.asset.AssetCommands;
import dev.opsbot.asset.AssetJournal;
import dev.opsbot.asset.AssetLinks;
import dev.opsbot.asset.AssetRelations;
import dev.opsbot.asset.Assets;
import dev.opsbot.asset.Inventory;
import dev.opsbot.asset.InventoryAudit;
import dev.opsbot.chat.Reply;
import dev.opsbot.metrics.MetricSource;
import dev.opsbot.ownership.OpsFixture;
import java.time.Duration;
import java.time.ZoneId;

/** The inventory with live verification, wired on the in-memory store as the application wires them. */
final class VerificationFixture implements AutoCloseable {

    static final ZoneId UTC = ZoneId.of("UTC");

    final OpsFixture ops = new OpsFixture();
    final Assets assets = Assets.inMongo(ops.core.store.database());
    final AssetChecks checks = AssetChecks.inMongo(ops.core.store.database());
    final Prober prober;
    final AssetVerification verification;
    final DriftNotices notices;

    VerificationFixture(Duration timeout, int pool) {
        prober = new Prober(new ProbeSettings(ProbeAllowList.defaults(), timeout, pool, 21, UTC),
                MetricSource.unconfigured(), ops.core.clock);
        verification = new AssetVerification(assets, checks, prober, new VerificationReplies(pool));
        notices = new DriftNotices(verification, checks, ops.services, ops.core.outbox, ops.core.incidentChannel,
                ops.core.clock);
        Inventory inventory = new Inventory(assets, AssetJournal.inMongo(ops.core.store.database()), ops.core.audit,
                ops.services, ops.core.incidents, checks, Duration.ofDays(30));
        AssetLinks links = AssetLinks.inMongo(ops.core.store.database());
        AssetRelations relations = new AssetRelations(inventory, links);
        ops.core.with(AssetCommands.ROOT.handledBy(new AssetCommands(inventory, relations,
                new InventoryAudit(inventory, links), verification)));
    }

    Reply ok(String who, String line) {
        return ops.ok(who, line);
    }

    Reply run(String who, String line) {
        return ops.run(who, line);
    }

    @Override
    public void close() {
        prober.close();
        ops.close();
    }
}
