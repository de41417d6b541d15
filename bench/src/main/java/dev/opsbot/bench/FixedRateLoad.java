package dev.opsbot.bench;

import dev.opsbot.slack.SlackSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load: request i is due at start + i/rate whatever happened to the ones before, and its
 * latency counts from when it was due, so a stall shows up in the percentiles instead of quietly
 * slowing the sender down. At most {@code MAX_IN_FLIGHT} requests are outstanding; beyond that a
 * request is counted as dropped.
 */
final class FixedRateLoad {

    private static final int MAX_IN_FLIGHT = 1000;

    /** What one run measured; latencies in milliseconds. */
    record Result(long due, long ok, long failed, long dropped, double throughput, double p50, double p99,
            double max) {
    }

    private final HttpClient http;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "load-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final String secret;

    FixedRateLoad(String secret) {
        this.secret = secret;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(callbacks).build();
    }

    /** Sends {@code rate × seconds} signed requests whose bodies {@code body} makes. */
    Result run(URI url, int rate, int seconds, IntFunction<String> body) throws InterruptedException {
        int count = rate * seconds;
        long period = 1_000_000_000L / rate;
        // Bodies and signatures are made up front so the sender does nothing but send on time.
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest[] requests = new HttpRequest[count];
        for (int i = 0; i < count; i++) {
            String b = body.apply(i);
            requests[i] = SlackSigner.request(url, timestamp, SlackSigner.sign(secret, timestamp, b), b)
                    .timeout(Duration.ofSeconds(30)).build();
        }
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        long dropped = 0;
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long start = System.nanoTime() + 20_000_000L;
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                dropped++;
                continue;
            }
            http.sendAsync(requests[i], HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                if (error == null && response.statusCode() == 200) {
                    recorder.recordValue(Math.max(1, (now - due) / 1000));
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                lastDone.accumulateAndGet(now, Math::max);
                inFlight.release();
            });
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still outstanding a minute after the run");
        }
        Histogram h = recorder.getIntervalHistogram();
        double elapsed = (lastDone.get() - start) / 1e9;
        return new Result(count, ok.get(), failed.get(), dropped, ok.get() / elapsed,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
