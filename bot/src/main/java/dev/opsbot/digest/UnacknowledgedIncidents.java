package dev.opsbot.digest;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.TimeText;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/** The digest's list of open incidents nobody has acknowledged yet, the oldest first. */
public final class UnacknowledgedIncidents implements DigestSection {

    private static final int SHOWN = 10;
    private static final int SCANNED = 500;

    private final Incidents incidents;

    public UnacknowledgedIncidents(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String title() {
        return "Not acknowledged";
    }

    @Override
    public List<String> lines(Instant now, ZoneId zone) {
        List<Incident> waiting = incidents.list(new Incidents.Query(true, null, null, null, SCANNED)).stream()
                .filter(i -> i.acknowledgedBy() == null)
                .sorted(Comparator.comparing(Incident::declaredAt))
                .toList();
        return DigestSection.firstOf(waiting, SHOWN, i -> Inline.strong(i.id()) + " · " + i.severity().word()
                + " · " + i.title() + " · declared " + TimeText.span(Duration.between(i.declaredAt(), now))
                + " ago by " + Inline.user(i.declaredBy()), null);
    }
}
