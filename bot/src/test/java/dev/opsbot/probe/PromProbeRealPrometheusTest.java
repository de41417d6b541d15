package dev.opsbot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.asset.AssetObservations.Health;
import dev.opsbot.metrics.PrometheusSource;
import dev.opsbot.testing.RealPrometheus;
import dev.opsbot.testing.RealPrometheus.History;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prom:} probes against a real Prometheus over a day of known samples: a node exporter that
 * is up, a blackbox probe that fails, a query Prometheus refuses and one that matches several series.
 */
class PromProbeRealPrometheusTest {

    @TempDir
    static Path dir;
    private static RealPrometheus prometheus;
    private static Prober prober;

    @BeforeAll
    static void start() throws Exception {
        Duration step = Duration.ofMinutes(1);
        prometheus = RealPrometheus.start(dir, List.of(
                new History("up", "instance=\"db-01:9100\"", 0.25, step, d -> 1),
                new History("up", "instance=\"db-02:9100\"", 0.25, step, d -> 1),
                new History("probe_success", "instance=\"https://shop.example\"", 0.25, step, d -> 0)));
        prober = new Prober(new ProbeSettings(ProbeAllowList.defaults(), Duration.ofSeconds(5), 2, 21, ZoneOffset.UTC),
                PrometheusSource.at(prometheus.url(), Duration.ofSeconds(5)), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        if (prober != null) {
            prober.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static ProbeResult run(String probe) {
        return prober.start(ProbeSpec.parse(probe)).join();
    }

    @Test
    void anExporterThatIsUpIsOkWithItsValue() {
        ProbeResult up = run("prom:up{instance=\"db-01:9100\"}");
        assertThat(up.health()).isEqualTo(Health.OK);
        assertThat(up.evidence()).isEqualTo("prom:up{instance=\"db-01:9100\"} = 1");
    }

    @Test
    void aFailingBlackboxProbeIsUnreachable() {
        ProbeResult down = run("prom:probe_success{instance=\"https://shop.example\"}");
        assertThat(down.health()).isEqualTo(Health.UNREACHABLE);
        assertThat(down.evidence()).endsWith("= 0");
    }

    @Test
    void prometheusRefusalsAndSeveralSeriesAreOneSentence() {
        ProbeResult broken = run("prom:sum(");
        assertThat(broken.health()).isEqualTo(Health.UNKNOWN);
        assertThat(broken.evidence()).startsWith("prom:sum( could not be read: ").doesNotContain("\n");
        ProbeResult several = run("prom:up");
        assertThat(several.health()).isEqualTo(Health.UNKNOWN);
        assertThat(several.evidence()).contains("matches 2 series");
    }
}
