package dev.opsbot.bench;

import dev.opsbot.slack.SlackClient;
import dev.opsbot.slack.SlackSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * One Slack client typing slash commands, one after the other, signed as Slack signs them. A
 * command's time runs from sending it to its answer: the ack's body when the answer fits Slack's
 * ack budget, otherwise the message posted to the request's response URL — so a slow command is
 * not hidden behind an early empty ack.
 */
final class SlackProbe {

    private static final AtomicLong TRIGGERS = new AtomicLong();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** What one series measured; times in milliseconds. */
    record Series(int ok, int failed, double p50, double p99, double max) {
        static Series of(Histogram h, int failed) {
            return new Series((int) h.getTotalCount(), failed, h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LoopbackWebApi api;

    SlackProbe(LoopbackWebApi api) {
        this.api = api;
    }

    /**
     * Sends the command {@code text(i)} for i = 0, 1, … until {@code budget} has passed or
     * {@code max} commands were answered, whichever comes first, but at least {@code min}.
     */
    Series series(URI events, IntFunction<String> text, Duration budget, int min, int max) throws Exception {
        Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        int failed = 0;
        long end = System.nanoTime() + budget.toNanos();
        for (int i = 0; i < max && (i < min || System.nanoTime() < end); i++) {
            long micros = send(events, text.apply(i)).get();
            if (micros < 0) {
                failed++;
            } else {
                h.recordValue(Math.max(1, micros));
            }
        }
        return Series.of(h, failed);
    }

    /** Sends one command; completes with its time in microseconds, or -1 if it failed. */
    CompletableFuture<Long> send(URI events, String text) {
        String key = "r" + TRIGGERS.incrementAndGet();
        String body = SlackClient.commandBody(RunningApp.USER.id(), RunningApp.OPS.id(), "/incident", text,
                api.responseUrl(key), key + ".bench");
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = SlackSigner.sign(RunningApp.SECRET, timestamp, body);
        HttpRequest request = SlackSigner.request(events, timestamp, signature, body)
                .timeout(Duration.ofSeconds(30)).build();
        CompletableFuture<Long> answered = api.answerAt(key);
        long sent = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            long acked = System.nanoTime();
            if (response.statusCode() != 200) {
                return CompletableFuture.completedFuture(-1L);
            }
            if (!response.body().isBlank()) {
                return CompletableFuture.completedFuture((acked - sent) / 1000);
            }
            // An empty ack: the answer follows at the response URL.
            return answered.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).thenApply(at -> (at - sent) / 1000);
        }).exceptionally(failure -> -1L).whenComplete((micros, failure) -> api.forget(key));
    }
}
