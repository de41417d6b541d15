package dev.opsbot.change;

import dev.opsbot.chat.TimeText;
import dev.opsbot.incident.CardNotes;
import dev.opsbot.incident.Incident;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * On a declared incident's card, the changes that may have caused it: in progress, or carried out
 * within the last {@code lookBack}, whose impact reaches the incident's service; each with a button
 * that links it.
 */
public final class SuspectChanges implements CardNotes {

    private static final int MOST_SUSPECTS = 5;
    private static final int MOST_LOOKED_AT = 200;

    private final ChangeRequests changes;
    private final Duration lookBack;
    private final ZoneId zone;
    private final Clock clock;

    /** {@code zone} is where the incident card is read (the team's); {@code clock} says which day it is there. */
    public SuspectChanges(ChangeRequests changes, Duration lookBack, ZoneId zone, Clock clock) {
        this.changes = changes;
        this.lookBack = lookBack;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public List<Note> notesFor(Incident incident) {
        if (incident.service() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return suspects(incident.service(), incident.declaredAt()).stream()
                .map(c -> new Note("Suspect change: " + c.id() + " “" + c.title() + "” ("
                        + (c.state() == ChangeState.IN_PROGRESS ? "in progress since " : c.state().word() + " ")
                        + TimeText.at(c.finishedAt() == null ? c.startedAt() : c.finishedAt(), zone, now)
                        + ", on " + String.join(", ", c.assets()) + ")",
                        "Link " + c.id(), "/change link " + c.id() + " " + incident.id()))
                .toList();
    }

    /** Changes reaching {@code service} that were under way at {@code at} or ended within the look-back before it. */
    public List<ChangeRequest> suspects(String service, Instant at) {
        return changes.during(at.minus(lookBack), at, MOST_LOOKED_AT).stream()
                .filter(c -> c.services().contains(service))
                .filter(c -> c.startedAt() != null && !c.startedAt().isAfter(at))
                .filter(c -> c.state() == ChangeState.IN_PROGRESS || c.state().wasCarriedOut())
                .filter(c -> c.finishedAt() == null || !c.finishedAt().isBefore(at.minus(lookBack)))
                .limit(MOST_SUSPECTS)
                .toList();
    }
}
