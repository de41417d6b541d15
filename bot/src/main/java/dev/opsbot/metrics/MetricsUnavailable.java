package dev.opsbot.metrics;

/** A metric could not be read; the message is one sentence a person in chat can act on. */
public final class MetricsUnavailable extends RuntimeException {

    public MetricsUnavailable(String sentence) {
        super(sentence, null, false, false);
    }

    static MetricsUnavailable notConfigured() {
        return new MetricsUnavailable("No metric source is configured; set OPSBOT_PROMETHEUS_URL to your Prometheus.");
    }
}
