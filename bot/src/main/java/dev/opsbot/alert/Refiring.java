package dev.opsbot.alert;

import dev.opsbot.chat.Actor;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentStatus;
import dev.opsbot.incident.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the incident rules make of a group firing again. Mitigating through alerts marks the
 * incident acknowledged by Alertmanager (the rules acknowledge whatever is mitigated), which is
 * not a person at work, so that acknowledgement is undone: the incident goes back to the state
 * people left it in, acknowledged only if one of them had acknowledged it.
 */
final class Refiring {

    private Refiring() {
    }

    static Incident firingAgain(Incident i, Actor alertmanager, Instant at) {
        Incident open = i.status() == IncidentStatus.RESOLVED ? i.reopen(alertmanager, at) : i;
        Actor acked = open.acknowledgedBy();
        boolean byPerson = acked != null && !acked.sameAs(alertmanager);
        List<TimelineEntry> timeline = new ArrayList<>(open.timeline());
        timeline.add(new TimelineEntry(at, alertmanager, "firing again", ""));
        return new Incident(open.id(), open.title(), open.severity(),
                byPerson ? IncidentStatus.ACKNOWLEDGED : IncidentStatus.DECLARED, open.service(), open.channel(),
                open.declaredBy(), open.declaredAt(), open.owner(), byPerson ? acked : null,
                byPerson ? open.acknowledgedAt() : null, null, null, null, null, null, at, timeline);
    }
}
