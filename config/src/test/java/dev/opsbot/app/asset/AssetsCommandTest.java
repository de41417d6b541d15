package dev.opsbot.app.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assets CLI on an embedded store in a temporary data directory. */
class AssetsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... words) {
        out.reset();
        err.reset();
        return AssetsCommand.run(List.of(words), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("OPSBOT_DATA_DIR", dir.resolve("data").toString()),
                Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvImportsExportsAsCsvAndYamlAndTheYamlImportsBackUnchanged() throws Exception {
        Path csv = dir.resolve("assets.csv");
        Files.writeString(csv, "name,type,env,site,probe,tag,owner\n"
                + "db-01,database,prod,fra1,\"tcp://db-01:5432 prom:up{instance=\"\"db-01:9100\"\"}\",role=primary,slack:U1\n"
                + "web-01,vm,staging,,,,\n"
                + "bad,toaster,prod,,,,\n");
        assertThat(run("assets", "import", csv.toString(), "--as", "slack:U9")).isEqualTo(AssetsCommand.ROWS_REFUSED);
        assertThat(out()).isEqualTo("2 created, 0 updated, 0 unchanged, 1 refused.\nline 4: “toaster” is not a type; "
                + "use server, vm, container, database, network, storage, endpoint, certificate, other.\n");

        assertThat(run("assets", "export")).isZero();
        assertThat(out()).isEqualTo("name,type,env,state,site,rack,owner,service,address,probe,tag\n"
                + "db-01,database,prod,active,fra1,,slack:U1,,,\"tcp://db-01:5432 prom:up{instance=\"\"db-01:9100\"\"}\",role=primary\n"
                + "web-01,vm,staging,active,,,slack:U9,,,,\n");

        assertThat(run("assets", "export", "--format", "yaml")).isZero();
        String yaml = out();
        assertThat(yaml).contains("- name: db-01\n").contains("  probe:\n  - tcp://db-01:5432\n")
                .contains("  tag:\n    role: primary\n");
        Path yamlFile = dir.resolve("assets.yaml");
        Files.writeString(yamlFile, yaml);
        assertThat(run("assets", "import", yamlFile.toString())).isZero();
        assertThat(out()).isEqualTo("0 created, 0 updated, 2 unchanged, 0 refused.\n");
    }

    @Test
    void badUsageAndBadFilesExitWithOneSentenceAndImportNothing() throws Exception {
        assertThat(run("assets", "frobnicate")).isEqualTo(AssetsCommand.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: assets import FILE");
        assertThat(run("assets", "export", "--format", "xml")).isEqualTo(AssetsCommand.BAD_USAGE);
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "name,type,env,colour\nx,vm,prod,red\n");
        assertThat(run("assets", "import", csv.toString())).isEqualTo(AssetsCommand.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("The column “colour” is not an asset field")
                .contains("Nothing was imported.");
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "- name: a\n  type: vm\n  env: prod\n  colour: red\n- name: web-02\n  type: vm\n  env: dev\n");
        assertThat(run("assets", "import", yaml.toString())).isEqualTo(AssetsCommand.ROWS_REFUSED);
        assertThat(out()).contains("1 created").contains("line 1: The row is refused: “colour” is not an asset field");
        assertThat(run("assets", "import", dir.resolve("missing.csv").toString())).isEqualTo(AssetsCommand.BAD_USAGE);
    }
}
