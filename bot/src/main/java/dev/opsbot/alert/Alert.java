package dev.opsbot.alert;

import java.time.Instant;
import java.util.Map;

/**
 * One alert of a delivery. {@code fingerprint} is Alertmanager's identity of the label set; an
 * alert that stops and starts again keeps it but gets a new {@code startsAt}, so the pair is what
 * tells a repeat from news.
 */
public record Alert(String fingerprint, boolean firing, Map<String, String> labels, Map<String, String> annotations,
        Instant startsAt, Instant endsAt) {

    public Alert {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    public String label(String name) {
        return labels.getOrDefault(name, "");
    }
}
