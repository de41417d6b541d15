package dev.opsbot.problem;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a problem tells its incidents: that they were linked to it, and its workaround. Both land on
 * the incident's timeline; the workaround is also posted to the incident's channel. Each is said
 * once: a timeline entry already there is not added again, and the post's outbox key names the
 * problem, the workaround's revision and the incident, so a retried or repeated command posts nothing more.
 */
final class LinkedIncidents {

    static final String LINKED = "problem";
    static final String WORKAROUND = "workaround";

    private final Incidents incidents;
    private final Notifier notifier;

    LinkedIncidents(Incidents incidents, Notifier notifier) {
        this.incidents = incidents;
        this.notifier = notifier;
    }

    void linked(Problem problem, String incident, Actor by, Instant now) {
        once(incident, new TimelineEntry(now, by, LINKED, "linked to " + problem.id() + ": " + problem.statement()));
    }

    /** Posts the problem's workaround to each of these incidents that is still open; returns those reached. */
    List<String> postWorkaround(Problem problem, List<String> to, Actor by, Instant now) {
        List<String> reached = new ArrayList<>();
        String text = problem.id() + " is a known error. Workaround: " + problem.workaround();
        for (String id : to) {
            Incident incident = incidents.find(id).filter(Incident::isOpen).orElse(null);
            if (incident == null) {
                continue;
            }
            once(id, new TimelineEntry(now, by, WORKAROUND, text));
            if (incident.channel() != null) {
                notifier.announce(incident.channel(), post(problem, incident),
                        problem.id() + ":workaround:" + problem.workaroundRevision() + ":" + id);
            }
            reached.add(id);
        }
        return reached;
    }

    private static Reply post(Problem problem, Incident incident) {
        return Reply.toChannel("Workaround for " + Inline.strong(incident.id()) + " · " + incident.title())
                .text(problem.workaround())
                .footer(problem.id() + " (" + problem.statement() + ") is a known error; /problem show " + problem.id()
                        + " has its story.")
                .tone(Reply.Tone.INFO)
                .build();
    }

    /** Adds the entry unless the timeline already has the same one. */
    private void once(String incident, TimelineEntry entry) {
        incidents.update(incident, i -> i.timeline().stream()
                .anyMatch(e -> e.kind().equals(entry.kind()) && e.text().equals(entry.text())) ? i : i.recorded(entry));
    }
}
