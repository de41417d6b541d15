package dev.opsbot.followup;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentListener;
import dev.opsbot.incident.IncidentStatus;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps an incident's follow-ups in step with it. While nobody has acknowledged it, a stale
 * reminder waits one quiet period after its last update; any acknowledgement, mitigation or
 * resolution cancels it. Resolving schedules the post-incident review; reopening or closing
 * cancels that; a new owner of a resolved incident takes its review over. The handlers check the
 * incident again when they fire, so a change seen only by another instance still stops a reminder,
 * and a reminder names whoever owns the incident then.
 */
public final class IncidentFollowUps implements IncidentListener {

    static final String STALE = "followup.stale";
    static final String REVIEW = "followup.review";
    /** The incident's last update as the stale reminder knew it, to tell an update it missed from a snooze. */
    static final String LAST_UPDATE = "lastUpdate";

    private final DueItems due;
    private final FollowUpPolicy policy;

    public IncidentFollowUps(DueItems due, FollowUpPolicy policy) {
        this.due = due;
        this.policy = policy;
    }

    @Override
    public void declared(Incident incident) {
        keepStaleReminder(incident);
    }

    @Override
    public void changed(Incident before, Incident after, Actor by) {
        keepStaleReminder(after);
        if (after.status() == IncidentStatus.RESOLVED) {
            if (before.status() != IncidentStatus.RESOLVED) {
                due.schedule(reviewItem(after, after.resolvedAt().plus(policy.reviewAfter()), null));
            } else if (!sameOwner(before, after)) {
                // reschedule, not schedule: a review marked done meanwhile must stay done.
                due.find(reviewId(after.id())).ifPresent(item -> due.reschedule(reviewItem(after, item.dueAt(),
                        item.data().get(DueItem.OVERDUE_SINCE))));
            }
        } else {
            due.cancel(reviewId(after.id()));
        }
    }

    private void keepStaleReminder(Incident incident) {
        var quiet = policy.staleAfter(incident.severity());
        if (incident.status() == IncidentStatus.DECLARED && quiet.isPresent()) {
            due.schedule(staleItem(incident, incident.lastUpdateAt().plus(quiet.get()), null));
        } else {
            due.cancel(staleId(incident.id()));
        }
    }

    static String staleId(String incidentId) {
        return "stale:" + incidentId;
    }

    static String reviewId(String incidentId) {
        return "review:" + incidentId;
    }

    static DueItem staleItem(Incident i, Instant at, String overdueSince) {
        Map<String, String> data = data(Inline.strong(i.id()) + " · " + i.severity().word() + " · " + i.title()
                + ": not acknowledged, no recent update", owner(i), overdueSince);
        data.put(LAST_UPDATE, i.lastUpdateAt().toString());
        return new DueItem(staleId(i.id()), STALE, i.id(), at, data);
    }

    static DueItem reviewItem(Incident i, Instant at, String overdueSince) {
        return new DueItem(reviewId(i.id()), REVIEW, i.id(), at, data(
                "Post-incident review of " + Inline.strong(i.id()) + " · " + i.title(), owner(i), overdueSince));
    }

    /** Whoever leads the incident answers for its follow-ups; a resolved one without a lead falls to its resolver. */
    static Actor owner(Incident i) {
        if (i.owner() != null) {
            return i.owner();
        }
        return i.resolvedBy() != null ? i.resolvedBy() : i.declaredBy();
    }

    private static Map<String, String> data(String label, Actor owner, String overdueSince) {
        Map<String, String> data = new HashMap<>();
        data.put(DueItem.LABEL, label);
        data.put(DueItem.OWNER, owner.key());
        if (overdueSince != null) {
            data.put(DueItem.OVERDUE_SINCE, overdueSince);
        }
        return data;
    }

    private static boolean sameOwner(Incident a, Incident b) {
        return owner(a).sameAs(owner(b));
    }
}
