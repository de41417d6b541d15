package dev.opsbot.probe;

import dev.opsbot.asset.AssetObservations.Health;
import dev.opsbot.metrics.MetricSource;
import dev.opsbot.metrics.MetricsUnavailable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs probes on its own bounded pool, so checking thousands of assets never takes a thread that
 * handles commands, and ends each probe at its timeout: a watchdog answers "no answer within 3 s"
 * and closes the probe's sockets, so a target that accepts and then stays silent cannot hold a
 * thread or the caller.
 */
public final class Prober implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Prober.class);

    private final ProbeSettings settings;
    private final MetricSource metrics;
    private final Clock clock;
    private final ExecutorService pool;
    private final ScheduledExecutorService watchdog;

    public Prober(ProbeSettings settings, MetricSource metrics, Clock clock) {
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(settings.pool(), threads("probe"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(threads("probe-deadline"));
    }

    public ProbeSettings settings() {
        return settings;
    }

    /** Starts one probe; the future completes within the timeout of the probe starting to run. */
    public CompletableFuture<ProbeResult> start(ProbeSpec spec) {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        try {
            pool.execute(() -> run(spec, result));
        } catch (RejectedExecutionException e) {
            result.complete(ProbeResult.of(spec, Health.UNKNOWN, "was not run: opsbot is shutting down", clock.instant()));
        }
        return result;
    }

    /** Runs every probe, as many at once as the pool allows, and waits for all of them. */
    public List<ProbeResult> runAll(List<ProbeSpec> specs) {
        List<CompletableFuture<ProbeResult>> started = new ArrayList<>();
        specs.forEach(spec -> started.add(start(spec)));
        return started.stream().map(CompletableFuture::join).toList();
    }

    private void run(ProbeSpec spec, CompletableFuture<ProbeResult> result) {
        Instant at = clock.instant();
        ProbeAttempt attempt = new ProbeAttempt(settings.timeout());
        Health silent = spec instanceof ProbeSpec.Prom ? Health.UNKNOWN : Health.UNREACHABLE;
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            if (result.complete(ProbeResult.of(spec, silent, Connection.timedOut(settings.timeout()), at))) {
                attempt.expire();
            }
        }, settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
        try {
            result.complete(check(spec, attempt, at));
        } catch (RuntimeException e) {
            LOG.warn("probe {} failed unexpectedly", spec.text(), e);
            result.complete(ProbeResult.of(spec, Health.UNKNOWN, "could not be run (" + e.getClass().getSimpleName() + ")", at));
        } finally {
            deadline.cancel(false);
            attempt.closeAll();
        }
    }

    private ProbeResult check(ProbeSpec spec, ProbeAttempt attempt, Instant at) {
        if (spec instanceof ProbeSpec.Prom prom) {
            return prom(prom, at);
        }
        if (spec instanceof ProbeSpec.Dns dns) {
            return dns(dns, at);
        }
        String host = spec instanceof ProbeSpec.Tcp t ? t.host()
                : spec instanceof ProbeSpec.Tls t ? t.host() : ((ProbeSpec.Http) spec).host();
        ProbeAllowList.Admission admission = settings.allow().admit(host);
        if (admission instanceof ProbeAllowList.Admission.Refused refused) {
            return new ProbeResult(spec.text(), Health.UNKNOWN, refused.sentence(), at, null);
        }
        if (admission instanceof ProbeAllowList.Admission.Unresolved unresolved) {
            return ProbeResult.of(spec, Health.UNREACHABLE, "cannot be reached: " + unresolved.sentence(), at);
        }
        List<InetAddress> addresses = ((ProbeAllowList.Admission.Allowed) admission).addresses();
        int port = spec instanceof ProbeSpec.Tcp t ? t.port()
                : spec instanceof ProbeSpec.Tls t ? t.port() : ((ProbeSpec.Http) spec).port();
        long start = System.nanoTime();
        Socket socket;
        try {
            socket = Connection.open(addresses, port, attempt);
        } catch (IOException e) {
            return ProbeResult.of(spec, Health.UNREACHABLE, Connection.failure(e, settings.timeout()), at);
        }
        if (spec instanceof ProbeSpec.Tcp) {
            return ProbeResult.of(spec, Health.OK, "connected in " + Connection.millisSince(start), at);
        }
        try {
            return spec instanceof ProbeSpec.Tls tls ? tls(tls, socket, start, attempt, at)
                    : http((ProbeSpec.Http) spec, socket, start, attempt, at);
        } catch (SocketTimeoutException e) {
            return ProbeResult.of(spec, Health.UNREACHABLE, Connection.timedOut(settings.timeout()), at);
        } catch (IOException e) {
            // Something listens there, but not what the probe expected to speak with.
            String what = e instanceof SSLException ? "the TLS handshake failed" : "its answer was unusable";
            return ProbeResult.of(spec, Health.DEGRADED, "connected, but " + what + " (" + Connection.reason(e) + ")", at);
        }
    }

    private ProbeResult tls(ProbeSpec.Tls spec, Socket socket, long start, ProbeAttempt attempt, Instant at)
            throws IOException {
        SSLSocket tls = Handshake.over(socket, spec.host(), spec.port(), attempt);
        X509Certificate cert = (X509Certificate) tls.getSession().getPeerCertificates()[0];
        String took = Connection.millisSince(start);
        Instant notAfter = cert.getNotAfter().toInstant();
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(at, settings.zone()), LocalDate.ofInstant(notAfter, settings.zone()));
        String date = LocalDate.ofInstant(notAfter, settings.zone()).toString();
        boolean expired = !notAfter.isAfter(at);
        List<String> names = CertificateNames.of(cert);
        boolean covered = CertificateNames.covers(names, spec.name());
        StringBuilder evidence = new StringBuilder("certificate for ")
                .append(CertificateNames.commonName(cert).orElse(String.join(", ", names)))
                .append(expired ? " expired on " + date + " (" + -days + " days ago)"
                        : " expires on " + date + " (in " + days + (days == 1 ? " day)" : " days)"));
        if (!covered) {
            evidence.append("; it does not cover ").append(spec.name())
                    .append(names.isEmpty() ? "" : " (it names " + String.join(", ", names) + ")");
        }
        evidence.append("; handshake in ").append(took);
        Health health = expired || !covered ? Health.DEGRADED : Health.OK;
        return ProbeResult.of(spec, health, evidence.toString(), at).withCertificate(notAfter);
    }

    private ProbeResult http(ProbeSpec.Http spec, Socket connected, long start, ProbeAttempt attempt, Instant at)
            throws IOException {
        Socket socket = connected;
        if (spec.secure()) {
            socket = Handshake.over(socket, spec.host(), spec.port(), attempt);
        }
        HttpGet.Answer answer = HttpGet.send(socket, spec, !spec.expectBody().isEmpty());
        String answered = "answered " + answer.status() + " in " + Connection.millisSince(start);
        if (spec.expectStatus() > 0 && answer.status() != spec.expectStatus()) {
            return ProbeResult.of(spec, Health.DEGRADED, answered + ", expected " + spec.expectStatus(), at);
        }
        if (spec.expectStatus() == 0 && answer.status() >= 400) {
            return ProbeResult.of(spec, Health.DEGRADED, answered, at);
        }
        if (!spec.expectBody().isEmpty() && !answer.body().contains(spec.expectBody())) {
            return ProbeResult.of(spec, Health.DEGRADED, answered + " without '" + spec.expectBody() + "' in its body", at);
        }
        return ProbeResult.of(spec, Health.OK, answered, at);
    }

    /** Resolving reaches no address, so the allow list does not apply to the addresses a name gives. */
    private ProbeResult dns(ProbeSpec.Dns spec, Instant at) {
        List<InetAddress> found;
        try {
            found = List.of(InetAddress.getAllByName(spec.name()));
        } catch (UnknownHostException e) {
            return ProbeResult.of(spec, Health.UNREACHABLE, "does not resolve", at);
        }
        List<String> shown = found.stream().map(InetAddress::getHostAddress).toList();
        String resolves = "resolves to " + String.join(", ", shown);
        if (spec.address().isEmpty()) {
            return ProbeResult.of(spec, Health.OK, resolves, at);
        }
        List<InetAddress> expected;
        try {
            expected = List.of(InetAddress.getAllByName(spec.address()));
        } catch (UnknownHostException e) {
            return ProbeResult.of(spec, Health.DEGRADED, resolves + ", and the declared " + spec.address() + " does not", at);
        }
        boolean matches = found.stream().anyMatch(expected::contains);
        return matches ? ProbeResult.of(spec, Health.OK, resolves + ", as declared", at)
                : ProbeResult.of(spec, Health.DEGRADED, resolves + ", not the declared " + spec.address(), at);
    }

    private ProbeResult prom(ProbeSpec.Prom spec, Instant at) {
        try {
            double value = metrics.instant(spec.query()).value();
            String shown = "= " + number(value);
            if (Double.isNaN(value)) {
                return ProbeResult.of(spec, Health.UNKNOWN, shown, at);
            }
            return ProbeResult.of(spec, value != 0 ? Health.OK : Health.UNREACHABLE, shown, at);
        } catch (MetricsUnavailable e) {
            return ProbeResult.of(spec, Health.UNKNOWN, "could not be read: " + e.getMessage(), at);
        }
    }

    static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        watchdog.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
