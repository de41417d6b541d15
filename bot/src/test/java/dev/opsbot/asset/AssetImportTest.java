package dev.opsbot.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.Invocation;
import dev.opsbot.command.Refusal;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetImportTest {

    private final AssetFixture f = new AssetFixture();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aThousandRowsWithFiveBadOnesCreate995AndNameTheLinesAndAgainChangeNothing() throws IOException {
        f.ok("lead", "/service add payments --team core --channel #payments");
        List<String> lines = new ArrayList<>();
        lines.add("env,name,type,site,service,address,probe,owner");
        List<Integer> badLines = List.of(12, 250, 501, 777, 1001);
        for (int i = 1; i <= 1000; i++) {
            int line = i + 1;
            String type = line == 12 ? "toaster" : "vm";
            String probe = line == 250 ? "ftp://x" : "tcp://10.0.0." + (i % 250) + ":22";
            String service = line == 501 ? "nope" : "payments";
            String name = line == 777 ? "Bad Name" : String.format("host-%04d", i);
            String owner = line == 1001 ? "nobody" : "slack:U1";
            lines.add(String.join(",", "prod", name, type, "fra1", service, "10.0.0." + (i % 250) + ":22",
                    probe, owner));
        }
        Path file = dir.resolve("assets.csv");
        Files.write(file, lines);
        AssetImport importer = new AssetImport(f.inventory);

        AssetImport.Result first = importer.csvFile(file, Actor.console("lead"), f.core.clock.instant());
        assertThat(first.created()).isEqualTo(995);
        assertThat(first.refused()).extracting(AssetImport.Refused::line).containsExactlyElementsOf(badLines);
        assertThat(first.refused().get(0).reason()).contains("“toaster” is not a type");
        assertThat(first.refused().get(3).reason()).contains("is not an asset name");
        assertThat(first.refused().get(4).reason()).contains("“nobody” is not an owner");
        assertThat(f.assets.page(Assets.Query.any(), 0, 1).total()).isEqualTo(995);
        assertThat(f.assets.find("host-0011")).isEmpty();
        assertThat(f.assets.find("host-0012").orElseThrow().owner().key()).isEqualTo("slack:U1");

        AssetImport.Result again = importer.csvFile(file, Actor.console("lead"), f.core.clock.instant());
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(995);
        assertThat(again.refused()).hasSize(5);
    }

    @Test
    void aChangedRowUpdatesAndIsAudited() throws IOException {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "name,type,env,tag\ndb-01,vm,prod,\"role=primary,zone=a\"\n");
        AssetImport importer = new AssetImport(f.inventory);
        importer.csvFile(file, Actor.console("lead"), f.core.clock.instant());
        assertThat(f.assets.find("db-01").orElseThrow().tags()).isEqualTo(Map.of("role", "primary", "zone", "a"));
        Files.writeString(file, "name,type,env,tag\ndb-01,database,prod,\"role=primary,zone=a\"\n");
        AssetImport.Result result = importer.csvFile(file, Actor.console("lead"), f.core.clock.instant());
        assertThat(result.updated()).isEqualTo(1);
        assertThat(f.assets.find("db-01").orElseThrow().type()).isEqualTo("database");
        assertThat(f.core.audit.forItem("db-01", 1).get(0).action()).isEqualTo("asset.import");

        // Someone else importing the same rows, with no owner column, leaves the owner as it was.
        assertThat(importer.csvFile(file, Actor.console("other"), f.core.clock.instant()).unchanged()).isEqualTo(1);
        assertThat(f.assets.find("db-01").orElseThrow().owner()).isEqualTo(Actor.console("lead"));
    }

    @Test
    void aBadHeaderRefusesTheWholeFile() {
        assertThatThrownBy(() -> AssetCsv.read(new StringReader("name,type,env,colour\nx,vm,prod,red\n")))
                .isInstanceOf(Refusal.class).hasMessageContaining("The column “colour” is not an asset field");
        assertThatThrownBy(() -> AssetCsv.read(new StringReader("name,type\nx,vm\n")))
                .isInstanceOf(Refusal.class).hasMessageContaining("“env” is missing");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndLinesAreCountedWhereARowStarts() throws IOException {
        List<AssetImport.Row> rows = AssetCsv.read(new StringReader(
                "name,type,env,probe\r\na,vm,prod,\"prom:sum(x{a=\"\"1\"\",b=\"\"2\"\"})\"\r\nb,vm,prod,\"tcp://h:1\nhttp://h/\"\nc,vm,prod,,extra\n"));
        assertThat(rows).extracting(AssetImport.Row::line).containsExactly(2, 3, 5);
        assertThat(rows.get(0).values().get("probe")).isEqualTo("prom:sum(x{a=\"1\",b=\"2\"})");
        assertThat(Asset.probes(rows.get(1).values().get("probe"))).containsExactly("tcp://h:1", "http://h/");
        assertThat(rows.get(2).problem()).contains("5 fields");
    }

    @Test
    void exportedLinesReadBackAsTheSameAssets() throws IOException {
        f.ok("lead", "/service add payments --team core --channel #payments");
        f.ok("a", "/asset add db-01 --type database --env prod --service payments --tag \"note=a tier=b\" "
                + "--probe 'prom:up{instance=\"db-01:9100\",job=\"node\"}'");
        Asset a = f.assets.find("db-01").orElseThrow();
        String csv = AssetCsv.header() + "\n" + AssetCsv.line(a) + "\n";
        AssetImport.Row row = AssetCsv.read(new StringReader(csv)).get(0);
        assertThat(row.values().get("probe")).isEqualTo("prom:up{instance=\"db-01:9100\",job=\"node\"}");
        AssetImport.Result again = new AssetImport(f.inventory).apply(List.of(row), Actor.console("x"),
                f.core.clock.instant());
        assertThat(again.unchanged()).isEqualTo(1);
    }

    @Test
    void theConsoleImportsAFileAndOtherPlatformsAreRefused() throws IOException {
        Path file = dir.resolve("few.csv");
        Files.writeString(file, "name,type,env\ndb-01,vm,prod\ndb-02,fridge,prod\n");
        Reply reply = f.ok("lead", "/asset import " + file);
        assertThat(reply.text()).isEqualTo("1 created, 0 updated, 0 unchanged, 1 refused.");
        assertThat(reply.rows()).extracting(Inline::plain).containsExactly(
                "line 3: “fridge” is not a type; use server, vm, container, database, network, storage, endpoint, "
                        + "certificate, other.");
        Reply fromSlack = f.core.router().handle(Invocation.of(new Actor(Platform.SLACK, "U1", "u"),
                new ChannelRef(Platform.SLACK, "C1", "c"), "/asset import " + file));
        assertThat(fromSlack.plainText()).contains("works in the console only");
        assertThat(f.refused("lead", "/asset import " + dir.resolve("missing.csv"))).contains("There is no readable file");
    }
}
