package dev.opsbot.alert;

import dev.opsbot.chat.Actor;
import dev.opsbot.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where alerts with certain labels go: a service, a severity (null: from the {@code severity}
 * label), and whether they open an incident or only notify. Routes are tried in the order they
 * were added ({@code position}); the first that matches wins.
 */
public record AlertRoute(String name, List<LabelMatch> matchers, String service, Severity severity, Mode mode,
        boolean autoResolve, long position, Actor addedBy, Instant addedAt) {

    public AlertRoute {
        matchers = List.copyOf(matchers);
    }

    public enum Mode {
        INCIDENT, NOTIFY;

        public static final List<String> WORDS = List.of("incident", "notify");

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean matches(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }
}
