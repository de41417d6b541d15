package dev.opsbot.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alertmanager webhook bodies (version 4) as Alertmanager writes them, for tests and the benchmark. */
public final class WebhookBodies {

    private WebhookBodies() {
    }

    /** One alert of a body: its fingerprint, whether it fires, when it started, and its labels. */
    public record Sent(String fingerprint, boolean firing, Instant startsAt, Map<String, String> labels) {

        public static Sent firing(String fingerprint, Instant startsAt, Map<String, String> labels) {
            return new Sent(fingerprint, true, startsAt, labels);
        }

        public Sent resolved() {
            return new Sent(fingerprint, false, startsAt, labels);
        }
    }

    public static String body(String groupKey, Map<String, String> commonLabels, List<Sent> alerts) {
        List<String> parts = new ArrayList<>();
        boolean anyFiring = false;
        for (Sent a : alerts) {
            anyFiring |= a.firing();
            parts.add("{\"status\":\"" + (a.firing() ? "firing" : "resolved") + "\",\"labels\":" + json(a.labels())
                    + ",\"annotations\":{\"summary\":\"test\"},\"startsAt\":\"" + a.startsAt()
                    + "\",\"endsAt\":\"" + (a.firing() ? "0001-01-01T00:00:00Z" : a.startsAt().plusSeconds(60))
                    + "\",\"generatorURL\":\"http://prometheus/graph\",\"fingerprint\":\"" + a.fingerprint() + "\"}");
        }
        return "{\"receiver\":\"opsbot\",\"status\":\"" + (anyFiring ? "firing" : "resolved") + "\",\"alerts\":["
                + String.join(",", parts) + "],\"groupLabels\":" + json(Map.of("alertname",
                        commonLabels.getOrDefault("alertname", "")))
                + ",\"commonLabels\":" + json(commonLabels) + ",\"commonAnnotations\":{},"
                + "\"externalURL\":\"http://alertmanager:9093\",\"version\":\"4\",\"groupKey\":" + quote(groupKey)
                + ",\"truncatedAlerts\":0}";
    }

    private static String json(Map<String, String> map) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(map).forEach((k, v) -> pairs.add(quote(k) + ":" + quote(v)));
        return "{" + String.join(",", pairs) + "}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
