package dev.opsbot.incident;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the channels hear when an incident moves on: acknowledged, a new severity, mitigated,
 * resolved, reopened, closed. Read from the change itself, so whoever makes it (a command, an
 * alert) is heard the same way; notes and assignments are not announced.
 */
final class StoryLine {

    private StoryLine() {
    }

    static Optional<String> of(Incident before, Incident after, Actor by) {
        List<String> said = new ArrayList<>();
        String who = Inline.user(by);
        if (!before.isOpen() && after.isOpen()) {
            said.add("Reopened by " + who + ".");
        } else if (before.status() != after.status()) {
            switch (after.status()) {
                case ACKNOWLEDGED -> said.add("Acknowledged by " + who + ".");
                case MITIGATED -> said.add("Mitigated by " + who + ".");
                case RESOLVED -> said.add("Resolved by " + who
                        + (after.summary() == null || after.summary().isBlank() ? "." : ": " + after.summary()));
                case CLOSED -> said.add("Closed by " + who + ".");
                case DECLARED -> {
                }
            }
        }
        if (before.severity() != after.severity()) {
            said.add(who + " changed the severity from " + before.severity().word() + " to "
                    + after.severity().word() + ".");
        }
        return said.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", said));
    }

    /** How many entries the incident's timeline ever had: one more after every stored change. */
    static long position(Incident incident) {
        return TimelineEntry.dropped(incident.timeline()) + TimelineEntry.entries(incident.timeline()).size();
    }

    static Reply.Tone tone(Incident incident) {
        return incident.isOpen() ? Reply.Tone.WARNING : Reply.Tone.SUCCESS;
    }
}
