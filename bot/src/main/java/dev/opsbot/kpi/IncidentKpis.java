package dev.opsbot.kpi;

import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the incidents declared in {@code [from, to)} say: how many of each severity, how fast they
 * were acknowledged and resolved, and each service's availability against its target.
 *
 * <p>Impact is the time from declaration to mitigation (to resolution if it was never mitigated,
 * to {@code to} while it is still open), for sev1 and sev2 incidents that name a service; two
 * incidents hurting one service at once count once. Only incidents declared in the window count,
 * so an outage that started before it is not charged to it.
 */
public record IncidentKpis(Instant from, Instant to, int declared, Map<Severity, Long> bySeverity,
        Spread acknowledge, Spread resolve, List<Availability> availability) {

    public IncidentKpis {
        bySeverity = Map.copyOf(bySeverity);
        availability = List.copyOf(availability);
    }

    /** {@code targets}: availability target in percent of each service to report on, null for none. */
    public static IncidentKpis of(List<Incident> incidents, Map<String, Double> targets, Instant from, Instant to) {
        List<Incident> in = incidents.stream()
                .filter(i -> !i.declaredAt().isBefore(from) && i.declaredAt().isBefore(to)).toList();
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        in.forEach(i -> bySeverity.merge(i.severity(), 1L, Long::sum));
        Spread acknowledge = Spread.of(in.stream().flatMap(i -> i.timeToAcknowledge().stream()).toList()).orElse(null);
        Spread resolve = Spread.of(in.stream().flatMap(i -> i.timeToResolve().stream()).toList()).orElse(null);
        return new IncidentKpis(from, to, in.size(), bySeverity, acknowledge, resolve,
                availability(in, targets, from, to));
    }

    public Optional<Spread> timeToAcknowledge() {
        return Optional.ofNullable(acknowledge);
    }

    public Optional<Spread> timeToResolve() {
        return Optional.ofNullable(resolve);
    }

    private static List<Availability> availability(List<Incident> in, Map<String, Double> targets, Instant from,
            Instant to) {
        Map<String, List<Hurt>> impacts = new TreeMap<>();
        for (Incident i : in) {
            if (i.severity().level() <= 2 && i.service() != null) {
                Instant end = i.mitigatedAt() != null ? i.mitigatedAt() : i.resolvedAt() != null ? i.resolvedAt() : to;
                end = end.isAfter(to) ? to : end;
                if (end.isAfter(i.declaredAt())) {
                    impacts.computeIfAbsent(i.service(), s -> new ArrayList<>()).add(new Hurt(i.declaredAt(), end));
                }
            }
        }
        TreeSet<String> services = new TreeSet<>(targets.keySet());
        services.addAll(impacts.keySet());
        Duration window = Duration.between(from, to);
        return services.stream()
                .map(s -> new Availability(s, targets.get(s), merged(impacts.getOrDefault(s, List.of())), window))
                .sorted(Comparator.comparingDouble(Availability::percent).thenComparing(Availability::service))
                .toList();
    }

    /** The length of the union of the intervals, so overlapping incidents are not counted twice. */
    private static Duration merged(List<Hurt> intervals) {
        List<Hurt> sorted = intervals.stream().sorted(Comparator.comparing(Hurt::start)).toList();
        Duration total = Duration.ZERO;
        Instant start = null;
        Instant end = null;
        for (Hurt h : sorted) {
            if (end == null || h.start().isAfter(end)) {
                if (end != null) {
                    total = total.plus(Duration.between(start, end));
                }
                start = h.start();
                end = h.end();
            } else if (h.end().isAfter(end)) {
                end = h.end();
            }
        }
        return end == null ? total : total.plus(Duration.between(start, end));
    }

    /** One incident's impact on its service. */
    private record Hurt(Instant start, Instant end) {
    }
}
