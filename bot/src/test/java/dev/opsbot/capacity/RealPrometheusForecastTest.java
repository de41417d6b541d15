package dev.opsbot.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Reply;
import dev.opsbot.metrics.PrometheusSource;
import dev.opsbot.testing.CoreFixture;
import dev.opsbot.testing.RealPrometheus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forecasts against a real Prometheus over backfilled history with a known answer
 * ({@link RealPrometheus#capacityHistory()}): the filling disk's line crosses 85% of 1000 GiB 17
 * days after the last sample. Tolerance: ±2 days, since the forecast follows daily peaks, which
 * run up to 8 GiB (0.8 of a day's growth) above the line, and days are counted from their peaks.
 */
class RealPrometheusForecastTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    static Path dir;
    private static RealPrometheus prometheus;
    private static PrometheusSource source;

    @BeforeAll
    static void start() throws Exception {
        prometheus = RealPrometheus.start(dir, RealPrometheus.capacityHistory());
        source = PrometheusSource.at(prometheus.url(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static Watch watch(String name, String query, String max) {
        return new Watch(name, query, max, 0.85, Unit.parse("GiB"), null, null, Actor.console("alice"), prometheus.end());
    }

    @Test
    void theFillingDiskCrossesWithinTwoDaysOfTheTrueDate() {
        Instant now = prometheus.end();
        WatchForecast wf = new Forecaster(source, UTC).forecast(
                watch("disk", "disk_used_bytes{mount=\"/data\"}", "disk_size_bytes{mount=\"/data\"}"),
                now, Duration.ofDays(28), Duration.ofDays(90));

        assertThat(wf.capacity()).isEqualTo(1000 * RealPrometheus.GIB);
        Forecast.Crossing crossing = (Forecast.Crossing) wf.forecast().outlook();
        Instant truth = now.plus(Duration.ofDays(17));
        assertThat(Duration.between(truth, crossing.likely()).abs()).isLessThanOrEqualTo(Duration.ofDays(2));
        assertThat(wf.forecast().slopePerDay() / RealPrometheus.GIB).isBetween(9.5, 10.5);
        assertThat(wf.forecast().peaks()).hasSizeBetween(28, 29);
        assertThat(wf.forecast().lowConfidence()).isFalse();
    }

    @Test
    void theConsoleCommandsAnswerFromTheRealServer() {
        try (CoreFixture core = new CoreFixture()) {
            core.clock.set(prometheus.end());
            core.with(CapacityCommands.ROOT.handledBy(new CapacityCommands(Watches.inMongo(core.store.database()),
                    ReportSchedules.inMongo(core.store.database()), source, core.audit, UTC)));

            Reply added = core.run("alice", "/capacity watch add disk --query 'disk_used_bytes{mount=\"/data\"}' "
                    + "--max 'disk_size_bytes{mount=\"/data\"}' --unit GiB");
            assertThat(added.title()).contains("Watching");
            assertThat(core.run("alice", "/capacity watch add queue --query queue_depth --max 1000").title())
                    .contains("Watching");
            assertThat(core.run("alice", "/capacity watch add new --query 'disk_used_bytes{mount=\"/new\"}' "
                    + "--max 107374182400 --unit GiB").title()).contains("Watching");

            Reply disk = core.run("bob", "/capacity forecast disk");
            assertThat(disk.text()).startsWith("disk crosses 85% ");
            assertThat(disk.images()).hasSize(1);
            assertThat(core.run("bob", "/capacity forecast queue").text()).contains("will not cross 85%", "usage is flat");
            assertThat(core.run("bob", "/capacity forecast new").text()).startsWith("Not enough history to forecast new (");

            Reply syntax = core.run("alice", "/capacity watch add bad --query 'sum(disk_used_bytes' --max 1");
            assertThat(syntax.text()).startsWith("--query: Prometheus refused the query: ").contains("parse error");
            assertThat(syntax.footer()).startsWith("Usage: ");
            Reply several = core.run("alice", "/capacity watch add both --query disk_used_bytes --max 1");
            assertThat(several.text()).isEqualTo("--query: The query matches 2 series; add labels or sum().");

            Reply report = core.run("bob", "/capacity report");
            assertThat(report.rows()).hasSize(3);
            assertThat(report.rows().get(0)).contains("disk");
        }
    }
}
