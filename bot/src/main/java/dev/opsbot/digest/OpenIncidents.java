package dev.opsbot.digest;

import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentCards;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.Severity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The digest's count of open incidents by severity, worst first, and the incidents themselves. */
public final class OpenIncidents implements DigestSection {

    private static final int SHOWN = 10;
    private static final int COUNTED = 500;

    private final Incidents incidents;

    public OpenIncidents(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String title() {
        return "Open incidents";
    }

    @Override
    public List<String> lines(Instant now, ZoneId zone) {
        List<Incident> open = incidents.list(new Incidents.Query(true, null, null, null, COUNTED));
        if (open.isEmpty()) {
            return List.of("None open.");
        }
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        open.forEach(i -> bySeverity.merge(i.severity(), 1, Integer::sum));
        List<String> counts = new ArrayList<>();
        bySeverity.forEach((severity, n) -> counts.add(n + " " + severity.word()));
        List<String> lines = new ArrayList<>();
        lines.add(open.size() + (open.size() >= COUNTED ? "+" : "") + " open: " + String.join(" · ", counts));
        lines.addAll(DigestSection.firstOf(open, SHOWN, i -> IncidentCards.row(i, now), "/incident list --open"));
        return lines;
    }
}
