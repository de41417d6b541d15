package dev.opsbot.kpi;

import dev.opsbot.chat.TimeText;
import dev.opsbot.followup.OverdueFollowUps;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.Severity;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers the KPIs of a window (incidents, availability, changes, overdue follow-ups) and words
 * them as lines, the same for {@code /kpi} and the weekly digest section.
 */
public final class Kpis {

    /** Pending follow-ups read to count the overdue ones; the pending set is small (finished ones are deleted). */
    private static final int FOLLOW_UPS_READ = 1000;
    /** Services read for their targets; the service list is short. */
    private static final int SERVICES_READ = 500;

    private final Incidents incidents;
    private final Services services;
    private final DueItems due;
    private final ChangeOutcomes changes;

    public Kpis(Incidents incidents, Services services, DueItems due, ChangeOutcomes changes) {
        this.incidents = incidents;
        this.services = services;
        this.due = due;
        this.changes = changes;
    }

    /** What the window {@code [now - span, now)} measured, of one service or (null) of all. */
    public record Measured(IncidentKpis incidents, boolean cut, ChangeOutcomes.Outcome changes, long overdue) {
    }

    public Measured measure(Instant now, Duration span, String service) {
        Instant from = now.minus(span);
        DeclaredSince.Found found = DeclaredSince.read(incidents, from);
        List<Incident> declared = found.incidents().stream()
                .filter(i -> service == null || service.equals(i.service())).toList();
        IncidentKpis figures = IncidentKpis.of(declared, targets(service), from, now);
        long overdue = due.followUps(null, FOLLOW_UPS_READ).stream()
                .filter(i -> OverdueFollowUps.isOverdue(i, now))
                .filter(i -> service == null || service.equals(serviceOf(i)))
                .count();
        return new Measured(figures, found.cut(), changes.between(from, now, service), overdue);
    }

    private Map<String, Double> targets(String service) {
        Map<String, Double> targets = new HashMap<>();
        if (service != null) {
            targets.put(service, services.find(service).map(Service::availability).orElse(null));
            return targets;
        }
        services.list(SERVICES_READ).stream().filter(s -> s.availability() != null)
                .forEach(s -> targets.put(s.name(), s.availability()));
        return targets;
    }

    /** The service a follow-up is about: its own subject, or the service of the incident it names. */
    private String serviceOf(DueItem item) {
        String subject = item.subject();
        if (subject == null) {
            return null;
        }
        return incidents.find(subject).map(Incident::service).orElse(subject);
    }

    /** The figures as lines; a figure with nothing behind it says so rather than showing a zero. */
    public static List<String> lines(Measured m) {
        IncidentKpis k = m.incidents();
        List<String> lines = new ArrayList<>();
        if (k.declared() == 0) {
            lines.add("Incidents: none declared");
        } else {
            List<String> counts = new ArrayList<>();
            for (Severity s : Severity.values()) {
                long n = k.bySeverity().getOrDefault(s, 0L);
                if (n > 0) {
                    counts.add(s.word() + " " + n);
                }
            }
            lines.add("Incidents: " + k.declared() + " (" + String.join(" · ", counts) + ")"
                    + (m.cut() ? " — the newest " + DeclaredSince.LOOK_AT_MOST + " only" : ""));
            lines.add("Time to acknowledge: " + k.timeToAcknowledge().map(sp -> spread(sp, "acknowledged"))
                    .orElse("none acknowledged yet"));
            lines.add("Time to resolve: " + k.timeToResolve().map(sp -> spread(sp, "resolved"))
                    .orElse("none resolved yet"));
        }
        k.availability().forEach(a -> lines.add(availability(a)));
        if (k.availability().isEmpty()) {
            lines.add("Availability: no service has a target (/service set <name> --availability 99.9)");
        }
        lines.add("Change success: " + changes(m.changes()));
        lines.add("Overdue follow-ups: " + (m.overdue() == 0 ? "none" : m.overdue() + " (/followup list)"));
        return lines;
    }

    private static String spread(Spread s, String verb) {
        return "median " + TimeText.span(s.median()) + " · p90 " + TimeText.span(s.p90()) + " (" + s.count()
                + " " + verb + ")";
    }

    private static String availability(Availability a) {
        String line = "Availability of " + a.service() + ": " + percent(a.percent());
        if (a.target() == null) {
            return line + " · no target (/service set " + a.service() + " --availability 99.9)";
        }
        Duration left = a.budgetLeft();
        String budget = left.isNegative()
                ? "error budget spent, over by " + minutes(left.negated())
                : minutes(left) + " of " + minutes(a.budget()) + " error budget left";
        return line + " (target " + percent(a.target()) + ") · " + budget;
    }

    private static String changes(ChangeOutcomes.Outcome outcome) {
        if (outcome instanceof ChangeOutcomes.Counted c && c.total() > 0) {
            return percent(100.0 * c.succeeded() / c.total()) + " (" + c.succeeded() + " of " + c.total()
                    + " succeeded)";
        }
        return "no changes recorded";
    }

    /** Two decimals, trailing zeros dropped, never rounded up to a 100% that did not happen. */
    static String percent(double value) {
        double floored = Math.floor(value * 100) / 100;
        String text = String.format(Locale.ROOT, "%.2f", floored).replaceFirst("\\.?0+$", "");
        return text + "%";
    }

    static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%,d min", d.toMinutes());
    }
}
