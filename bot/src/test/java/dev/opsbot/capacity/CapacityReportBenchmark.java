package dev.opsbot.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Reply;
import dev.opsbot.metrics.MetricSource;
import dev.opsbot.metrics.PrometheusSource;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.RealPrometheus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity benchmark, not part of the build's tests: a report over 200 watches against a real
 * Prometheus holding 28 days of 200 disks (30-minute samples). Prints query time, chart time and
 * the report's total, and the peak heap while drawing charts. Run with
 * {@code -Dopsbot.capacity.bench=true}; results go in docs/benchmarks.md.
 */
class CapacityReportBenchmark {

    private static final int WATCHES = 200;
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    /** Counts the time spent in the metric source. */
    private static final class Timed implements MetricSource {
        final MetricSource inner;
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong calls = new AtomicLong();

        Timed(MetricSource inner) {
            this.inner = inner;
        }

        @Override
        public Sample instant(String query) {
            long t = System.nanoTime();
            try {
                return inner.instant(query);
            } finally {
                nanos.addAndGet(System.nanoTime() - t);
                calls.incrementAndGet();
            }
        }

        @Override
        public List<Series> range(String query, Instant from, Instant to, Duration step) {
            long t = System.nanoTime();
            try {
                return inner.range(query, from, to, step);
            } finally {
                nanos.addAndGet(System.nanoTime() - t);
                calls.incrementAndGet();
            }
        }
    }

    @Test
    void aReportOverTwoHundredWatches() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("opsbot.capacity.bench"), "run with -Dopsbot.capacity.bench=true");
        Random random = new Random(200);
        List<RealPrometheus.History> histories = new ArrayList<>();
        for (int i = 0; i < WATCHES; i++) {
            double start = 100 + random.nextDouble() * 500;
            double perDay = random.nextDouble() * 12 - 2;
            histories.add(new RealPrometheus.History("disk_used_bytes", "disk=\"d" + i + "\"", 28, Duration.ofMinutes(30),
                    d -> (start + perDay * d + random.nextDouble() * 5) * RealPrometheus.GIB));
        }
        long backfillStart = System.nanoTime();
        try (RealPrometheus prometheus = RealPrometheus.start(dir, histories);
                MongoStore store = MongoStore.inMemory()) {
            long backfill = System.nanoTime() - backfillStart;
            Timed source = new Timed(PrometheusSource.at(prometheus.url(), Duration.ofSeconds(30)));
            Watches watches = Watches.inMongo(store.database());
            for (int i = 0; i < WATCHES; i++) {
                watches.add(new Watch("d" + i, "disk_used_bytes{disk=\"d" + i + "\"}", String.valueOf(1000 * RealPrometheus.GIB),
                        0.85, Unit.parse("GiB"), null, null, Actor.console("bench"), prometheus.end()));
            }
            Forecaster forecaster = new Forecaster(source, UTC);
            CapacityReport report = new CapacityReport(watches, forecaster, UTC);
            report.rank(null, prometheus.end());  // warm-up: class loading, JIT, connection
            source.nanos.set(0);
            source.calls.set(0);

            long total = System.nanoTime();
            CapacityReport.Ranking ranking = report.rank(null, prometheus.end());
            long rankEnd = System.nanoTime();
            Reply reply = report.reply(ranking, null, Reply.toChannel("Capacity report"));
            long totalNanos = System.nanoTime() - total;
            long reportCharts = System.nanoTime() - rankEnd;

            ForecastChart charts = new ForecastChart(UTC);
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long chartStart = System.nanoTime();
            long bytes = 0;
            for (WatchForecast wf : ranking.forecasts()) {
                bytes += charts.image(wf).size();
            }
            long allCharts = System.nanoTime() - chartStart;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

            assertThat(ranking.forecasts()).hasSize(WATCHES);
            assertThat(ranking.unread()).isEmpty();
            assertThat(reply.images()).hasSize(CapacityReport.CHARTS);
            System.out.printf(Locale.ROOT, """
                    capacity benchmark: %d watches, 28 days of 30-minute samples each, Prometheus 2.42 on loopback
                      backfill and start:   %.1f s
                      report total:         %.0f ms (%d metric calls, %.0f ms in the metric source, %.1f ms a call)
                      report charts (%d):    %.0f ms
                      all %d charts:       %.0f ms (%.1f ms a chart, %.0f KB PNG on average)
                      heap before charts:   %.1f MB; peak while drawing %d charts: %.1f MB (max heap %.0f MB)
                      allocated per chart:  %.1f MB
                    """, WATCHES, backfill / 1e9, totalNanos / 1e6, source.calls.get(), source.nanos.get() / 1e6,
                    source.nanos.get() / 1e6 / source.calls.get(), CapacityReport.CHARTS, reportCharts / 1e6,
                    WATCHES, allCharts / 1e6, allCharts / 1e6 / WATCHES, bytes / 1024.0 / WATCHES,
                    before / 1048576.0, WATCHES, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
                    allocated / 1048576.0 / WATCHES);
        }
    }
}
