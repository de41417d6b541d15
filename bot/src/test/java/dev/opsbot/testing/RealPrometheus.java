package dev.opsbot.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus (Debian's {@code prometheus} 2.42) on a free 127.0.0.1 port over a TSDB
 * backfilled with known history by {@code promtool tsdb create-blocks-from openmetrics}. The
 * history ends at the moment the fixture starts, so instant queries see its latest samples.
 * Without the binaries the test is skipped on a developer machine and fails when {@code CI=true}.
 * Close it to stop the server.
 */
public final class RealPrometheus implements AutoCloseable {

    public static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    public static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    public static final double GIB = 1024d * 1024 * 1024;
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    /** One backfilled series: {@code value(days since its first sample)} every {@code step} over {@code days}. */
    public record History(String metric, String labels, double days, Duration step, DoubleUnaryOperator value) {
    }

    /**
     * The capacity history: a disk filling 10 GiB a day from 400 GiB over 28 days with up to 8 GiB
     * of noise on every sample ({@code disk_used_bytes{mount="/data"}}) and its fixed size of
     * 1000 GiB ({@code disk_size_bytes{mount="/data"}}); a flat series at 300 with noise
     * ({@code queue_depth}); and a disk with only 4 days of history ({@code disk_used_bytes{mount="/new"}}).
     * Under an 85% threshold the filling disk's line crosses 850 GiB 45 days after its first sample,
     * 17 days after the last.
     */
    public static List<History> capacityHistory() {
        Random noise = new Random(14);
        Duration step = Duration.ofMinutes(15);
        return List.of(
                new History("disk_used_bytes", "mount=\"/data\"", 28, step,
                        d -> (400 + 10 * d + noise.nextDouble() * 8) * GIB),
                new History("disk_size_bytes", "mount=\"/data\"", 28, step, d -> 1000 * GIB),
                new History("queue_depth", "", 28, step, d -> 300 + noise.nextDouble() * 20),
                new History("disk_used_bytes", "mount=\"/new\"", 4, step, d -> (50 + 2 * d) * GIB));
    }

    private final Process process;
    private final URI url;
    private final Instant end;

    private RealPrometheus(Process process, URI url, Instant end) {
        this.process = process;
        this.url = url;
        this.end = end;
    }

    /** Backfills {@code histories} ending now into {@code dir} and starts Prometheus over it. */
    public static RealPrometheus start(Path dir, List<History> histories) throws IOException, InterruptedException {
        requireBinaries();
        Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Path data = Files.createDirectories(dir.resolve("tsdb"));
        Path input = dir.resolve("history.om");
        writeOpenMetrics(input, histories, end);
        run(dir, List.of(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics", input.toString(),
                data.toString()));
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1m\n");
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=3650d",
                "--web.listen-address=127.0.0.1:" + port, "--query.lookback-delta=20m")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RealPrometheus prometheus = new RealPrometheus(process, URI.create("http://127.0.0.1:" + port), end);
        prometheus.awaitReady(log);
        return prometheus;
    }

    public URI url() {
        return url;
    }

    /** The time of the last backfilled samples. */
    public Instant end() {
        return end;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(url.resolve("/-/ready"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("prometheus was not ready within " + READY_WITHIN.toSeconds() + " s:\n"
                + Files.readString(log));
    }

    private static void requireBinaries() {
        boolean present = Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL);
        if (!present && "true".equals(System.getenv("CI"))) {
            Assertions.fail(PROMETHEUS + " and " + PROMTOOL + " are required in CI (apt-get install prometheus)");
        }
        Assumptions.assumeTrue(present, "prometheus is not installed; apt-get install prometheus to run this test");
    }

    private static void writeOpenMetrics(Path file, List<History> histories, Instant end) throws IOException {
        List<String> typed = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            // OpenMetrics wants all samples of a metric family together, under one TYPE line.
            for (History h : histories.stream().sorted(java.util.Comparator.comparing(History::metric)).toList()) {
                if (!typed.contains(h.metric())) {
                    out.write("# TYPE " + h.metric() + " gauge\n");
                    typed.add(h.metric());
                }
                long samples = (long) (h.days() * 86_400 / h.step().toSeconds());
                Instant first = end.minus(h.step().multipliedBy(samples));
                for (long i = 0; i <= samples; i++) {
                    Instant at = first.plus(h.step().multipliedBy(i));
                    double days = Duration.between(first, at).toSeconds() / 86_400.0;
                    out.write(h.metric() + (h.labels().isEmpty() ? "" : "{" + h.labels() + "}") + " "
                            + String.format(Locale.ROOT, "%.3f", h.value().applyAsDouble(days)) + " "
                            + at.getEpochSecond() + "\n");
                }
            }
            out.write("# EOF\n");
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("promtool.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool did not finish within 600 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("promtool failed:\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
