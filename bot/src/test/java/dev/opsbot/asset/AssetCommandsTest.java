package dev.opsbot.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssetCommandsTest {

    private final AssetFixture f = new AssetFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anAssetIsAddedWithEveryFieldAndShown() {
        f.ok("lead", "/service add payments --team core --channel #payments");
        Reply added = f.ok("alice", "/asset add DB-01 --type database --env prod --site fra1 --rack r12 "
                + "--service payments --address db-01:5432 --probe 'tcp://db-01:5432 prom:up{instance=\"db-01:9100\"} == 1' "
                + "--tag \"role=primary tier=gold\"");
        assertThat(added.isPrivate()).isFalse();
        Asset stored = f.assets.find("db-01").orElseThrow();
        assertThat(stored.type()).isEqualTo("database");
        assertThat(stored.state()).isEqualTo("active");
        assertThat(stored.owner()).isEqualTo(Actor.console("alice"));
        assertThat(stored.probes()).containsExactly("tcp://db-01:5432", "prom:up{instance=\"db-01:9100\"} == 1");
        assertThat(stored.tags()).isEqualTo(Map.of("role", "primary", "tier", "gold"));

        String shown = f.ok("bob", "/asset show db-01").plainText();
        assertThat(shown).contains("Declared state: active").contains("Owner: @alice").contains("Site: fra1 · rack r12")
                .contains("Service: payments").contains("Observed: not verified yet")
                .contains("added: type=database env=prod state=active");
        assertThat(f.core.audit.forItem("db-01", 5)).anyMatch(e -> e.action().equals("asset.add"));
    }

    @Test
    void badInputIsRefusedWithOneSentenceAndTheUsageAndNothingIsStored() {
        assertThat(f.refused("a", "/asset add db-01 --type toaster --env prod"))
                .contains("“toaster” is not a valid type").contains("Usage: /asset add");
        assertThat(f.refused("a", "/asset add db-01 --type vm --env prod --probe ftp://x"))
                .contains("“ftp://x” is not a probe; start it with tcp://");
        assertThat(f.refused("a", "/asset add \"DB 01\" --type vm --env prod")).contains("is not an asset name");
        assertThat(f.refused("a", "/asset add db-01 --type vm --env prod --service nope"))
                .contains("There is no service “nope”");
        assertThat(f.refused("a", "/asset add db-01 --type vm --env prod --tag oops"))
                .contains("“oops” is not a tag");
        assertThat(f.refused("a", "/asset add db-01 --type vm")).contains("Missing --env");
        assertThat(f.assets.find("db-01")).isEmpty();

        f.ok("a", "/asset add db-01 --type vm --env prod");
        assertThat(f.refused("b", "/asset add db-01 --type server --env dev")).contains("already an asset db-01");
        assertThat(f.assets.find("db-01").orElseThrow().type()).isEqualTo("vm");
        assertThat(f.refused("b", "/asset show db-99")).contains("There is no asset “db-99”");
    }

    @Test
    void anAssetCannotTakeAServicesName() {
        f.ok("lead", "/service add payments --team core --channel #payments");
        assertThat(f.refused("a", "/asset add payments --type vm --env prod")).contains("There is a service called payments");
    }

    @Test
    void setChangesOneFieldAuditedWithBeforeAfterAndReason() {
        f.ok("a", "/asset add db-01 --type vm --env prod --site fra1");
        f.ok("b", "/asset set db-01 state maintenance --reason \"disk swap\"");
        assertThat(f.assets.find("db-01").orElseThrow().state()).isEqualTo("maintenance");
        var entry = f.core.audit.forItem("db-01", 5).get(0);
        assertThat(entry.action()).isEqualTo("asset.set");
        assertThat(entry.before()).isEqualTo("state=active");
        assertThat(entry.after()).isEqualTo("state=maintenance (disk swap)");
        assertThat(entry.actor()).isEqualTo(Actor.console("b"));

        f.ok("b", "/asset set db-01 site -");
        assertThat(f.assets.find("db-01").orElseThrow().site()).isNull();
        assertThat(f.refused("b", "/asset set db-01 state gone")).contains("“gone” is not a state");
        assertThat(f.refused("b", "/asset set db-01 env -")).contains("cannot be cleared");
        assertThat(f.refused("b", "/asset set db-01 state maintenance")).contains("already maintenance");
        assertThat(f.ok("c", "/asset show db-01").rows()).extracting(Inline::plain)
                .anyMatch(r -> r.contains("@b · state: active → maintenance (disk swap)"));
    }

    @Test
    void theJournalKeepsNotesNewestFirst() {
        f.ok("a", "/asset add db-01 --type vm --env prod");
        f.ok("a", "/asset journal db-01 replaced PSU B");
        f.core.clock.advance(java.time.Duration.ofMinutes(5));
        f.ok("b", "/asset journal db-01 firmware 2.1 applied");
        List<String> rows = f.ok("c", "/asset show db-01").rows().stream().map(Inline::plain).toList();
        assertThat(rows.get(0)).contains("@b · firmware 2.1 applied");
        assertThat(rows.get(1)).contains("@a · replaced PSU B");
    }

    @Test
    void journalTimesShowTheClockTodayAndTheDayOtherwise() {
        f.ok("a", "/asset add db-01 --type vm --env prod");
        f.ok("a", "/asset journal db-01 replaced PSU B");
        assertThat(f.ok("c", "/asset show db-01").rows()).extracting(Inline::plain)
                .contains("14:00 UTC · @a · replaced PSU B");
        f.core.clock.advance(java.time.Duration.ofDays(1));
        assertThat(f.ok("c", "/asset show db-01").rows()).extracting(Inline::plain)
                .contains("Fri 27 Nov 14:00 UTC · @a · replaced PSU B");
    }

    @Test
    void listFiltersCountsAndPagesWithoutASilentCut() {
        for (int i = 1; i <= 60; i++) {
            f.ok("a", String.format("/asset add web-%02d --type vm --env %s --site %s", i, i % 2 == 0 ? "prod" : "dev",
                    i <= 30 ? "fra1" : "ams1"));
        }
        Reply first = f.ok("a", "/asset list");
        assertThat(first.title()).isEqualTo("Showing 1–25 of 60 assets");
        assertThat(first.rows()).hasSize(25);
        assertThat(first.footer()).contains("Page 1 of 3. Next: /asset list --page 2");
        Reply third = f.ok("a", "/asset list --page 3");
        assertThat(third.title()).isEqualTo("Showing 51–60 of 60 assets");
        assertThat(f.refused("a", "/asset list --page 4")).contains("There are 60 assets to list, on 3 pages.");

        Reply narrowed = f.ok("a", "/asset list --env prod --site fra1");
        assertThat(narrowed.title()).isEqualTo("15 assets");
        assertThat(narrowed.rows()).extracting(Inline::plain).allMatch(r -> r.contains("prod · active · fra1"));
        assertThat(f.ok("a", "/asset list --type database").plainText()).contains("No asset matches /asset list --type database");
    }

    @Test
    void listShowsDriftAndStaleFromObservations() {
        f.ok("a", "/asset add db-01 --type vm --env prod");
        f.ok("a", "/asset add db-02 --type vm --env prod");
        f.ok("a", "/asset add db-03 --type vm --env prod");
        var now = f.core.clock.instant();
        f.observations.seen.put("db-01", new AssetObservations.Observation(now, AssetObservations.Health.UNREACHABLE,
                List.of("tcp://db-01:5432 refused"), List.of("db-01 is declared active but did not answer.")));
        f.observations.seen.put("db-02", new AssetObservations.Observation(now.minus(java.time.Duration.ofDays(40)),
                AssetObservations.Health.OK, List.of(), List.of()));
        assertThat(f.ok("a", "/asset list --drift").rows()).extracting(Inline::plain)
                .containsExactly("db-01 · vm · prod · active · owner @a · drift: db-01 is declared active but did not answer.");
        assertThat(f.ok("a", "/asset list --stale").rows()).extracting(Inline::plain)
                .map(r -> r.substring(0, 5)).containsExactly("db-02", "db-03");
    }

    @Test
    void viewersReadTheInventoryRespondersChangeItAndImportNeedsAManager() {
        var catalog = dev.opsbot.OpsbotCatalog.standard();
        java.util.function.Function<String, dev.opsbot.access.Role> least = sub -> dev.opsbot.access.Role.firstHolding(
                AssetCommands.ROOT.command(sub).orElseThrow().permission("asset"));
        assertThat(List.of("show", "list", "deps", "audit")).allSatisfy(
                sub -> assertThat(least.apply(sub)).isEqualTo(dev.opsbot.access.Role.VIEWER));
        assertThat(List.of("add", "set", "link", "unlink", "journal", "verify")).allSatisfy(
                sub -> assertThat(least.apply(sub)).isEqualTo(dev.opsbot.access.Role.RESPONDER));
        assertThat(least.apply("import")).isEqualTo(dev.opsbot.access.Role.MANAGER);
        assertThat(catalog.roots()).contains(AssetCommands.ROOT);
    }
}
