package dev.opsbot.digest;

import dev.opsbot.incident.IncidentCards;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.Severity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The digest's count of open incidents by severity, worst first, and the first of them in list order. */
public final class OpenIncidents implements DigestSection {

    private static final int SHOWN = 10;

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
        Incidents.Page open = incidents.page(new Incidents.Query(true, null, null, null, SHOWN), 1);
        if (open.total() == 0) {
            return List.of("None open.");
        }
        List<String> counts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            long n = incidents.count(new Incidents.Query(true, null, null, severity, 1));
            if (n > 0) {
                counts.add(n + " " + severity.word());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(open.total() + " open: " + String.join(" · ", counts));
        open.items().forEach(i -> lines.add(IncidentCards.row(i, now)));
        lines.addAll(DigestSection.more(open.total() - open.items().size(), "/incident list --open"));
        return lines;
    }
}
