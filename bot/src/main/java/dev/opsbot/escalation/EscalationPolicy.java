package dev.opsbot.escalation;

import dev.opsbot.chat.TimeText;
import dev.opsbot.incident.Severity;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a service's unacknowledged incidents escalate: the levels in order, and how long each
 * level has to acknowledge, by severity. How often the last level repeats is the team's setting
 * ({@link Escalation}), not the policy's.
 */
public record EscalationPolicy(String service, List<Level> levels, Map<Severity, Duration> timeouts) {

    private static final Map<Severity, Duration> STANDARD_TIMEOUTS = Map.of(
            Severity.SEV1, Duration.ofMinutes(5),
            Severity.SEV2, Duration.ofMinutes(15),
            Severity.SEV3, Duration.ofMinutes(30),
            Severity.SEV4, Duration.ofHours(2));

    public EscalationPolicy {
        levels = List.copyOf(levels);
        EnumMap<Severity, Duration> all = new EnumMap<>(Severity.class);
        all.putAll(STANDARD_TIMEOUTS);
        all.putAll(timeouts);
        timeouts = Map.copyOf(all);
    }

    /** What a service gets until someone sets its policy. */
    public static EscalationPolicy standard(String service) {
        return new EscalationPolicy(service, List.of(Level.PRIMARY, Level.SECONDARY, Level.CHANNEL), Map.of());
    }

    public Duration timeout(Severity severity) {
        return timeouts.get(severity);
    }

    public EscalationPolicy withLevels(List<Level> newLevels) {
        return new EscalationPolicy(service, newLevels, timeouts);
    }

    public EscalationPolicy withTimeout(Severity severity, Duration timeout) {
        EnumMap<Severity, Duration> changed = new EnumMap<>(timeouts);
        changed.put(severity, timeout);
        return new EscalationPolicy(service, levels, changed);
    }

    public String levelsText() {
        return String.join(" → ", levels.stream().map(Level::word).toList());
    }

    public String timeoutsText() {
        return String.join(", ", Arrays.stream(Severity.values())
                .map(s -> s.word() + " " + TimeText.span(timeout(s))).toList());
    }
}
