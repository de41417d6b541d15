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
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Reminds the owner of a resolved incident that its post-incident review is due, and again every
 * day until {@code /followup done}. The owner is read from the incident at each fire, and the
 * re-armed item waits on that owner, so a handover made anywhere is followed by the next reminder.
 * An incident reopened or closed meanwhile gets no reminder.
 */
public final class ReviewReminders implements DueHandler {

    private final IncidentReminder reminder;
    private final DueItems due;
    private final FollowUpPolicy policy;
    private final ZoneId zone;

    public ReviewReminders(Incidents incidents, DueItems due, Notifier notifier, FollowUpPolicy policy, ZoneId zone) {
        this.reminder = new IncidentReminder(incidents, notifier);
        this.due = due;
        this.policy = policy;
        this.zone = zone;
    }

    @Override
    public String kind() {
        return IncidentFollowUps.REVIEW;
    }

    @Override
    public void fire(DueItem item, Instant now) {
        Optional<Incident> found = reminder.stillIn(IncidentStatus.RESOLVED, item);
        if (found.isEmpty()) {
            return;
        }
        Incident incident = found.get();
        reminder.post(incident, item, message(incident, item, now));
        String overdue = item.overdueSince().orElse(item.dueAt()).toString();
        due.reschedule(IncidentFollowUps.reviewItem(incident, now.plus(policy.remindEvery()), overdue));
    }

    private Reply message(Incident i, DueItem item, Instant now) {
        Reply.Builder b = Reply.toChannel("Post-incident review due: " + Inline.strong(i.id()) + " · " + i.title())
                .text(Inline.user(IncidentFollowUps.owner(i)) + ": " + i.id() + " was resolved "
                        + TimeText.at(i.resolvedAt(), zone, now) + "; its review is due.")
                .tone(Reply.Tone.INFO);
        if (item.ref() != null) {
            b.button("Review written", "/followup done " + item.ref(), Reply.Button.Style.PRIMARY)
                    .button("Snooze 1d", "/followup snooze " + item.ref() + " 1d")
                    .footer("Repeats every " + TimeText.span(policy.remindEvery()) + " until /followup done "
                            + item.ref() + ".");
        }
        return b.build();
    }
}
