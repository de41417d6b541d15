package dev.opsbot.capacity;

import dev.opsbot.metrics.MetricSource;
import dev.opsbot.metrics.MetricsUnavailable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A metric source for command tests: each query is a usage function of days since {@code start},
 * sampled at the step asked for; unknown queries answer as Prometheus answers a syntax error.
 */
public final class ScriptedMetrics implements MetricSource {

    private final Instant start;
    private final Map<String, DoubleUnaryOperator> series = new HashMap<>();
    private final Map<String, Integer> copies = new HashMap<>();
    int calls;

    public ScriptedMetrics(Instant start) {
        this.start = start;
    }

    public ScriptedMetrics define(String query, DoubleUnaryOperator usage) {
        series.put(query, usage);
        return this;
    }

    /** The query matches {@code n} series. */
    ScriptedMetrics several(String query, int n) {
        copies.put(query, n);
        series.put(query, d -> 1);
        return this;
    }

    @Override
    public Sample instant(String query) {
        calls++;
        List<Series> all = range(query, Instant.EPOCH, Instant.EPOCH, Duration.ofMinutes(5));
        if (all.size() > 1) {
            throw new MetricsUnavailable("The query matches " + all.size() + " series; add labels or sum().");
        }
        Instant now = latest;
        return new Sample(Map.of(), now, value(query, now));
    }

    Instant latest = Instant.EPOCH;

    @Override
    public List<Series> range(String query, Instant from, Instant to, Duration step) {
        calls++;
        DoubleUnaryOperator f = series.get(query);
        if (f == null) {
            throw new MetricsUnavailable("Prometheus refused the query: invalid parameter \"query\": 1:1: parse error: "
                    + "unexpected character");
        }
        List<Point> points = new ArrayList<>();
        for (Instant t = from.isBefore(start) ? start : from; !t.isAfter(to); t = t.plus(step)) {
            points.add(new Point(t, value(query, t)));
        }
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < copies.getOrDefault(query, 1); i++) {
            out.add(new Series(Map.of("copy", String.valueOf(i)), points));
        }
        return out;
    }

    private double value(String query, Instant at) {
        return series.get(query).applyAsDouble(Duration.between(start, at).toSeconds() / 86_400.0);
    }
}
