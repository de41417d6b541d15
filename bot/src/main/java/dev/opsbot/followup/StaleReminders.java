package dev.opsbot.followup;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentStatus;
import dev.opsbot.incident.Incidents;
import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reminds an incident's channel that nobody has acknowledged or updated it, then waits another
 * quiet period. It looks at the incident itself first: one acknowledged, resolved or closed
 * meanwhile gets no reminder, and one updated meanwhile is looked at again later.
 */
public final class StaleReminders implements DueHandler {

    private final IncidentReminder reminder;
    private final DueItems due;
    private final FollowUpPolicy policy;

    public StaleReminders(Incidents incidents, DueItems due, Notifier notifier, FollowUpPolicy policy) {
        this.reminder = new IncidentReminder(incidents, notifier);
        this.due = due;
        this.policy = policy;
    }

    @Override
    public String kind() {
        return IncidentFollowUps.STALE;
    }

    @Override
    public void fire(DueItem item, Instant now) {
        Optional<Incident> found = reminder.stillIn(IncidentStatus.DECLARED, item);
        if (found.isEmpty()) {
            return;
        }
        Incident incident = found.get();
        Optional<Duration> quiet = policy.staleAfter(incident.severity());
        if (quiet.isEmpty()) {
            return;
        }
        Instant staleSince = incident.lastUpdateAt().plus(quiet.get());
        // An update this item never heard of (made through another instance) starts the quiet period
        // again; an item merely fired early, because someone snoozed it to a sooner time, still reminds.
        if (staleSince.isAfter(now) && updateUnseen(incident, item)) {
            due.reschedule(IncidentFollowUps.staleItem(incident, staleSince, null));
            return;
        }
        reminder.post(incident, item, message(incident, item, now));
        String overdue = item.overdueSince().orElse(staleSince.isAfter(now) ? now : staleSince).toString();
        due.reschedule(IncidentFollowUps.staleItem(incident, now.plus(policy.staleRepeat(incident.severity())),
                overdue));
    }

    /** Compared to the millisecond, as the database keeps it; the item may have been made from an unsaved copy. */
    private static boolean updateUnseen(Incident incident, DueItem item) {
        String seen = item.data().get(IncidentFollowUps.LAST_UPDATE);
        if (seen == null) {
            return true;
        }
        try {
            return incident.lastUpdateAt().truncatedTo(ChronoUnit.MILLIS)
                    .isAfter(Instant.parse(seen).truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private Reply message(Incident i, DueItem item, Instant now) {
        String quiet = TimeText.span(Duration.between(i.lastUpdateAt(), now));
        Reply.Builder b = Reply.toChannel("Reminder: " + Inline.strong(i.id()) + " · " + i.severity().word() + " · "
                        + i.title())
                .text(Inline.user(IncidentFollowUps.owner(i)) + ": nobody has acknowledged " + i.id()
                        + " and it has had no update for " + quiet + ".")
                .button("Acknowledge", "/incident ack " + i.id(), Reply.Button.Style.PRIMARY)
                .footer("Repeats every " + TimeText.span(policy.staleRepeat(i.severity()))
                        + " until someone acknowledges or updates it.")
                .tone(Reply.Tone.WARNING);
        if (item.ref() != null) {
            b.button("Snooze 1h", "/followup snooze " + item.ref() + " 1h");
        }
        return b.build();
    }
}
