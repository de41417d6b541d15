package dev.opsbot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.asset.AssetObservations.Health;
import dev.opsbot.metrics.MetricSource;
import dev.opsbot.metrics.MetricsUnavailable;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes against real listeners the test starts on 127.0.0.1. */
class ProberTest {

    @TempDir
    static Path keys;
    private static Path fiveDays;
    private static X509Certificate fiveDayCertificate;

    private final Listeners listeners = new Listeners();
    private final List<Prober> probers = new ArrayList<>();

    @BeforeAll
    static void makeCertificate() throws Exception {
        fiveDays = Listeners.keystore(keys, "localhost", "dns:localhost,ip:127.0.0.1", 5);
        fiveDayCertificate = Listeners.certificate(fiveDays);
    }

    @AfterEach
    void close() {
        probers.forEach(Prober::close);
        listeners.close();
    }

    private Prober prober(Clock clock, Duration timeout, int pool, MetricSource metrics) {
        Prober prober = new Prober(new ProbeSettings(ProbeAllowList.defaults(), timeout, pool, 21, ZoneOffset.UTC),
                metrics, clock);
        probers.add(prober);
        return prober;
    }

    private Prober prober() {
        return prober(Clock.systemUTC(), Duration.ofSeconds(3), 4, MetricSource.unconfigured());
    }

    private ProbeResult run(Prober prober, String probe) {
        return prober.start(ProbeSpec.parse(probe)).join();
    }

    @Test
    void aListeningPortIsOkAndAClosedOneUnreachable() throws Exception {
        ServerSocket open = listeners.tcp();
        ProbeResult ok = run(prober(), "tcp://127.0.0.1:" + open.getLocalPort());
        assertThat(ok.health()).isEqualTo(Health.OK);
        assertThat(ok.evidence()).matches("tcp://127\\.0\\.0\\.1:\\d+ connected in \\d+ ms");

        int closed = Listeners.closedPort();
        ProbeResult down = run(prober(), "tcp://127.0.0.1:" + closed);
        assertThat(down.health()).isEqualTo(Health.UNREACHABLE);
        assertThat(down.evidence()).isEqualTo("tcp://127.0.0.1:" + closed + " refused the connection");
    }

    @Test
    void httpReportsTheStatusAndChecksWhatWasExpected() throws Exception {
        int healthy = listeners.http(200, "status: ready", false).getAddress().getPort();
        int chunked = listeners.http(200, "x".repeat(5000) + " ready", true).getAddress().getPort();
        int failing = listeners.http(503, "down", false).getAddress().getPort();
        Prober prober = prober();

        ProbeResult ok = run(prober, "http://127.0.0.1:" + healthy + "/health");
        assertThat(ok.health()).isEqualTo(Health.OK);
        assertThat(ok.evidence()).matches("http://127\\.0\\.0\\.1:\\d+/health answered 200 in \\d+ ms");
        assertThat(run(prober, "http://127.0.0.1:" + healthy + "/health#expect=ready").health()).isEqualTo(Health.OK);
        assertThat(run(prober, "http://127.0.0.1:" + chunked + "/health#expect=ready").health()).isEqualTo(Health.OK);

        ProbeResult noText = run(prober, "http://127.0.0.1:" + healthy + "/health#expect=green");
        assertThat(noText.health()).isEqualTo(Health.DEGRADED);
        assertThat(noText.evidence()).endsWith("without 'green' in its body");
        ProbeResult wrongStatus = run(prober, "http://127.0.0.1:" + failing + "/health#expect=200");
        assertThat(wrongStatus.health()).isEqualTo(Health.DEGRADED);
        assertThat(wrongStatus.evidence()).contains("answered 503").endsWith(", expected 200");
        assertThat(run(prober, "http://127.0.0.1:" + failing + "/health").health()).isEqualTo(Health.DEGRADED);
        assertThat(run(prober, "http://127.0.0.1:" + Listeners.closedPort() + "/health").health())
                .isEqualTo(Health.UNREACHABLE);
    }

    @Test
    void tlsShowsTheCertificatesTrueExpiryDate() throws Exception {
        int port = listeners.tls(fiveDays).getLocalPort();
        Instant generated = fiveDayCertificate.getNotBefore().toInstant();
        LocalDate chosenExpiry = LocalDate.ofInstant(generated, ZoneOffset.UTC).plusDays(5);
        Prober prober = prober(Clock.fixed(generated, ZoneOffset.UTC), Duration.ofSeconds(3), 2,
                MetricSource.unconfigured());

        ProbeResult result = run(prober, "tls://127.0.0.1:" + port + "#name=localhost");
        assertThat(result.health()).isEqualTo(Health.OK);
        assertThat(result.evidence()).startsWith("tls://127.0.0.1:" + port + "#name=localhost certificate for localhost "
                + "expires on " + chosenExpiry + " (in 5 days); handshake in ");
        assertThat(result.certificateExpires()).contains(fiveDayCertificate.getNotAfter().toInstant());
        assertThat(LocalDate.ofInstant(result.certificateExpires().orElseThrow(), ZoneOffset.UTC)).isEqualTo(chosenExpiry);

        ProbeResult wrongName = run(prober, "tls://127.0.0.1:" + port + "#name=shop.example.com");
        assertThat(wrongName.health()).isEqualTo(Health.DEGRADED);
        assertThat(wrongName.evidence()).contains("it does not cover shop.example.com (it names localhost, 127.0.0.1)");
    }

    @Test
    void anExpiredCertificateIsDegraded() throws Exception {
        int port = listeners.tls(fiveDays).getLocalPort();
        Instant later = fiveDayCertificate.getNotAfter().toInstant().plus(Duration.ofDays(2));
        Prober prober = prober(Clock.fixed(later, ZoneOffset.UTC), Duration.ofSeconds(3), 1, MetricSource.unconfigured());
        ProbeResult result = run(prober, "tls://127.0.0.1:" + port);
        assertThat(result.health()).isEqualTo(Health.DEGRADED);
        assertThat(result.evidence()).contains("expired on " + LocalDate.ofInstant(
                fiveDayCertificate.getNotAfter().toInstant(), ZoneOffset.UTC) + " (2 days ago)");
    }

    @Test
    void httpsAnswersThroughTheHandshake() throws Exception {
        int port = listeners.https(fiveDays, 200, "ok").getAddress().getPort();
        ProbeResult result = run(prober(), "https://127.0.0.1:" + port + "/health#expect=ok");
        assertThat(result.health()).as(result.evidence()).isEqualTo(Health.OK);
    }

    @Test
    void aListenerThatSpeaksSomethingElseIsDegradedNotUnreachable() throws Exception {
        int ssh = listeners.banner("SSH-2.0-OpenSSH_9.6\r\n").getLocalPort();
        ProbeResult tls = run(prober(), "tls://127.0.0.1:" + ssh);
        assertThat(tls.health()).as(tls.evidence()).isEqualTo(Health.DEGRADED);
        assertThat(tls.evidence()).startsWith("tls://127.0.0.1:" + ssh + " connected, but the TLS handshake failed (");
        ProbeResult http = run(prober(), "http://127.0.0.1:" + ssh + "/health");
        assertThat(http.health()).as(http.evidence()).isEqualTo(Health.DEGRADED);
        assertThat(http.evidence()).endsWith(" connected, but its answer was unusable (the answer ended before its headers did)");
    }

    @Test
    void aSilentTargetEndsAtTheTimeoutAndThePoolBoundsHowManyRunAtOnce() throws Exception {
        Listeners.Silent silent = listeners.silent();
        Prober prober = prober(Clock.systemUTC(), Duration.ofMillis(300), 2, MetricSource.unconfigured());
        List<ProbeSpec> specs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            specs.add(ProbeSpec.parse("http://127.0.0.1:" + silent.port() + "/health"));
        }
        long start = System.nanoTime();
        List<ProbeResult> results = prober.runAll(specs);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(results).hasSize(6).allSatisfy(r -> {
            assertThat(r.health()).isEqualTo(Health.UNREACHABLE);
            assertThat(r.evidence()).endsWith("gave no answer within 300 ms");
        });
        // Two at a time, each held for its whole timeout: three rounds at the least. The server's own
        // count of open connections lags behind the client closing them, so time is the measure.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(silent.peak()).isPositive();
    }

    @Test
    void metadataIsRefusedWithoutConnecting() {
        ProbeResult result = run(prober(), "tcp://169.254.169.254:80");
        assertThat(result.health()).isEqualTo(Health.UNKNOWN);
        assertThat(result.evidence()).startsWith("The probe target 169.254.169.254 is refused");
    }

    @Test
    void promReadsTheValueThroughTheMetricSource() {
        MetricSource fake = new MetricSource() {
            @Override
            public Sample instant(String query) {
                return switch (query) {
                    case "up{instance=\"db-01:9100\"}" -> new Sample(Map.of(), Instant.EPOCH, 1);
                    case "probe_success" -> new Sample(Map.of(), Instant.EPOCH, 0);
                    case "ratio" -> new Sample(Map.of(), Instant.EPOCH, 0.125);
                    default -> throw new MetricsUnavailable("Prometheus refused the query: parse error.");
                };
            }

            @Override
            public List<Series> range(String query, Instant from, Instant to, Duration step) {
                throw new UnsupportedOperationException();
            }
        };
        Prober prober = prober(Clock.systemUTC(), Duration.ofSeconds(3), 2, fake);
        ProbeResult up = run(prober, "prom:up{instance=\"db-01:9100\"}");
        assertThat(up.health()).isEqualTo(Health.OK);
        assertThat(up.evidence()).isEqualTo("prom:up{instance=\"db-01:9100\"} = 1");
        assertThat(run(prober, "prom:probe_success").health()).isEqualTo(Health.UNREACHABLE);
        assertThat(run(prober, "prom:ratio").evidence()).isEqualTo("prom:ratio = 0.1250");
        ProbeResult broken = run(prober, "prom:sum(");
        assertThat(broken.health()).isEqualTo(Health.UNKNOWN);
        assertThat(broken.evidence()).isEqualTo("prom:sum( could not be read: Prometheus refused the query: parse error.");
        assertThat(run(prober(), "prom:up").evidence()).contains("set OPSBOT_PROMETHEUS_URL");
    }

    @Test
    void dnsResolvesAndComparesWithTheDeclaredAddress() {
        Prober prober = prober();
        assertThat(run(prober, "dns://localhost").health()).isEqualTo(Health.OK);
        assertThat(run(prober, "dns://127.0.0.1#address=127.0.0.1").evidence()).endsWith(", as declared");
        ProbeResult other = run(prober, "dns://127.0.0.1#address=10.0.0.5");
        assertThat(other.health()).isEqualTo(Health.DEGRADED);
        assertThat(other.evidence()).endsWith("resolves to 127.0.0.1, not the declared 10.0.0.5");
    }
}
