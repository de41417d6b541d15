package dev.opsbot.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssetRelationsTest {

    private final AssetFixture f = new AssetFixture();

    @BeforeEach
    void chain() {
        // payments (service) depends-on db-01, which runs-on vm-host-1, which runs-on rack-pdu-1.
        f.ok("lead", "/service add payments --team core --channel #payments");
        f.ok("a", "/asset add db-01 --type database --env prod --address db-01:5432");
        f.ok("a", "/asset add vm-host-1 --type server --env prod");
        f.ok("a", "/asset add rack-pdu-1 --type other --env prod");
        f.ok("a", "/asset link payments depends-on db-01");
        f.ok("a", "/asset link db-01 runs-on vm-host-1");
        f.ok("a", "/asset link vm-host-1 runs-on rack-pdu-1");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void depsShowsTheChainBothWays() {
        List<String> up = rows(f.ok("x", "/asset deps rack-pdu-1 --up"));
        assertThat(up).containsExactly("↑ vm-host-1 · asset · runs-on rack-pdu-1",
                "  ↑ db-01 · asset · runs-on vm-host-1",
                "    ↑ payments · service · depends-on db-01");
        List<String> down = rows(f.ok("x", "/asset deps payments --down"));
        assertThat(down).containsExactly("↓ db-01 · asset · (payments depends-on it)",
                "  ↓ vm-host-1 · asset · (db-01 runs-on it)",
                "    ↓ rack-pdu-1 · asset · (vm-host-1 runs-on it)");
        Reply both = f.ok("x", "/asset deps vm-host-1");
        assertThat(rows(both)).hasSize(3);
        assertThat(both.text()).isEqualTo("2 nodes need it, 1 node it needs.");
        assertThat(rows(f.ok("x", "/asset deps rack-pdu-1 --up --depth 1"))).containsExactly(
                "↑ vm-host-1 · asset · runs-on rack-pdu-1");
    }

    @Test
    void aCycleIsRefusedNamingItAndNothingIsWritten() {
        String refused = f.refused("a", "/asset link rack-pdu-1 depends-on db-01");
        assertThat(refused).isEqualTo("That would make a cycle: rack-pdu-1 depends-on db-01 runs-on vm-host-1 "
                + "runs-on rack-pdu-1. Unlink one of them first.");
        assertThat(f.refused("a", "/asset link payments depends-on payments")).contains("cannot need itself");
        assertThat(rows(f.ok("x", "/asset deps rack-pdu-1 --down"))).isEmpty();
    }

    @Test
    void linksNeedNamesThatExistAndUnlinkRemovesBothHalves() {
        assertThat(f.refused("a", "/asset link db-01 runs-on nowhere"))
                .contains("There is no asset or service “nowhere”").contains("Usage: /asset link");
        assertThat(f.refused("a", "/asset link db-01 sits-on vm-host-1")).contains("is not a valid relation");
        assertThat(f.ok("a", "/asset link db-01 runs-on vm-host-1").plainText()).contains("already runs-on");

        f.ok("a", "/asset unlink db-01 runs-on vm-host-1");
        assertThat(f.graph.upward(List.of("rack-pdu-1")).assets()).containsExactly("vm-host-1");
        assertThat(f.graph.upward(List.of("vm-host-1")).assets()).isEmpty();
        assertThat(f.refused("a", "/asset unlink db-01 runs-on vm-host-1")).contains("There is no relation");
    }

    @Test
    void theGraphReachesAssetsAndServicesUpward() {
        AssetGraph.Reach reach = f.graph.upward(List.of("RACK-PDU-1"));
        assertThat(reach.assets()).isEqualTo(Set.of("vm-host-1", "db-01"));
        assertThat(reach.services()).isEqualTo(Set.of("payments"));
        assertThat(f.graph.upward(List.of("db-01", "vm-host-1")).assets()).isEmpty();

        AssetGraph.AssetView view = f.graph.asset("db-01").orElseThrow();
        assertThat(view.services()).containsExactly("payments");
        assertThat(view.warnings()).isEmpty();
        assertThat(f.graph.byInstance("db-01:9100")).map(AssetGraph.AssetView::name).contains("db-01");
        assertThat(f.graph.byInstance("db-01:5432")).map(AssetGraph.AssetView::name).contains("db-01");
        assertThat(f.graph.byInstance("vm-host-1")).map(AssetGraph.AssetView::name).contains("vm-host-1");
        assertThat(f.graph.byInstance("10.0.0.9:9100")).isEmpty();

        f.ok("a", "/asset set db-01 address 10.0.0.5:5432");
        assertThat(f.graph.byInstance("10.0.0.5:9100")).map(AssetGraph.AssetView::name).contains("db-01");
        assertThat(f.graph.byInstance("db-01.old:5432")).isEmpty();
    }

    @Test
    void showListsDirectRelationsAndOpenIncidentsOnItsServices() {
        f.ok("d", "/incident declare sev2 \"payments slow\" --service payments");
        String shown = f.ok("x", "/asset show db-01").plainText();
        assertThat(shown).contains("Needs: runs-on vm-host-1 (asset)")
                .contains("Needed by: payments (service) depends-on it")
                .contains("Open incidents on its services: INC-1 · sev2 · payments slow · payments");
        assertThat(f.ok("x", "/asset show db-01").rows()).extracting(Inline::plain)
                .anyMatch(r -> r.contains("linked: payments depends-on db-01"));
    }

    @Test
    void anAssetIsOwnedAndHandedOverOnlyOnceAccepted() {
        f.ok("a", "/owner handover db-01 @b");
        assertThat(f.assets.find("db-01").orElseThrow().owner().id()).isEqualTo("a");
        f.ok("b", "/owner accept db-01");
        assertThat(f.assets.find("db-01").orElseThrow().owner().id()).isEqualTo("b");
        assertThat(f.ok("x", "/owner show db-01").plainText()).contains("@b");
    }

    @Test
    void theAuditNamesWhatIsMissing() {
        f.ok("a", "/asset add lone-1 --type vm --env dev --site fra1 --address db-01:5432");
        var findings = new InventoryAudit(f.inventory, f.links).findings(f.core.clock.instant());
        assertThat(findings.assets()).isEqualTo(4);
        assertThat(findings.orphans()).containsExactly("lone-1");
        assertThat(findings.noSite()).containsExactly("db-01", "rack-pdu-1", "vm-host-1");
        assertThat(findings.noService()).containsExactly("lone-1", "rack-pdu-1", "vm-host-1");
        assertThat(findings.duplicates()).containsExactly("db-01:5432: db-01 and lone-1");
        assertThat(findings.stale()).hasSize(4);
        String report = f.ok("x", "/asset audit").plainText();
        assertThat(report).contains("Inventory audit · 4 assets").contains("Orphans (no relation) · 1: lone-1")
                .contains("Same address · 1: db-01:5432: db-01 and lone-1").contains("Drift: none");
    }

    @Test
    void assetNamesAndServicesAreSuggested() {
        var suggestions = new AssetSuggestions(f.assets, f.services);
        var option = AssetCommands.ROOT.command("deps").orElseThrow().option("from").orElseThrow();
        assertThat(suggestions.suggest(option, "", 10)).extracting(s -> s.value())
                .containsExactly("db-01", "rack-pdu-1", "vm-host-1", "payments");
        assertThat(suggestions.suggest(option, "VM", 10)).extracting(s -> s.value()).containsExactly("vm-host-1");
        assertThat(suggestions.suggest(option, "", 2)).hasSize(2);
        var service = AssetCommands.ROOT.command("add").orElseThrow().option("service").orElseThrow();
        assertThat(suggestions.suggest(service, "", 10)).isEmpty();
    }

    @Test
    void verifyWithoutTheProbesFeatureSaysSo() {
        assertThat(f.refused("x", "/asset verify db-01")).contains("Live verification is not available");
    }

    private static List<String> rows(Reply reply) {
        return reply.rows().stream().map(Inline::plain).toList();
    }
}
