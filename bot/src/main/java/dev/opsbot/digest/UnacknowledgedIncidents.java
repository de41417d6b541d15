package dev.opsbot.digest;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.TimeText;
import dev.opsbot.incident.Incidents;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The digest's list of open incidents nobody has acknowledged yet, worst severity first, then the oldest. */
public final class UnacknowledgedIncidents implements DigestSection {

    private static final int SHOWN = 10;

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
        Incidents.Page waiting = incidents.page(new Incidents.Query(true, true, null, null, null, SHOWN), 1);
        List<String> lines = new ArrayList<>();
        waiting.items().forEach(i -> lines.add(Inline.strong(i.id()) + " · " + i.severity().word() + " · " + i.title()
                + " · declared " + TimeText.span(Duration.between(i.declaredAt(), now)) + " ago by "
                + Inline.user(i.declaredBy())));
        // The list puts unacknowledged incidents first, so it shows the rest of these.
        lines.addAll(DigestSection.more(waiting.total() - waiting.items().size(), "/incident list --open"));
        return lines;
    }
}
