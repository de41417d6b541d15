package dev.opsbot.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where measured values come from (Prometheus's HTTP API today). Every failure — unreachable,
 * timed out, a query the server refuses, a query that matches several series where one was
 * expected — is a {@link MetricsUnavailable} whose message is one sentence fit for chat.
 */
public interface MetricSource {

    /** The value of an instant query that must give exactly one series (or a scalar). */
    Sample instant(String query);

    /** Every series of a range query, points in time order. */
    List<Series> range(String query, Instant from, Instant to, Duration step);

    /** A source for a deployment without one: every call says how to configure it. */
    static MetricSource unconfigured() {
        return new MetricSource() {
            @Override
            public Sample instant(String query) {
                throw MetricsUnavailable.notConfigured();
            }

            @Override
            public List<Series> range(String query, Instant from, Instant to, Duration step) {
                throw MetricsUnavailable.notConfigured();
            }
        };
    }

    record Sample(Map<String, String> labels, Instant at, double value) {

        public Sample {
            labels = Map.copyOf(labels);
        }
    }

    record Point(Instant at, double value) {
    }

    record Series(Map<String, String> labels, List<Point> points) {

        public Series {
            labels = Map.copyOf(labels);
            points = List.copyOf(points);
        }
    }
}
