package dev.opsbot.followup;

import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentStatus;
import dev.opsbot.incident.Incidents;
import dev.opsbot.schedule.DueItem;
import java.util.Optional;

/**
 * What every incident reminder does when its item fires: look at the incident as it is now, and
 * post to the incident's channel once per fire, however often the fire is retried.
 */
final class IncidentReminder {

    private final Incidents incidents;
    private final Notifier notifier;

    IncidentReminder(Incidents incidents, Notifier notifier) {
        this.incidents = incidents;
        this.notifier = notifier;
    }

    /** The item's incident if it is still {@code status}; a reminder about any other state is out of date. */
    Optional<Incident> stillIn(IncidentStatus status, DueItem item) {
        return incidents.find(item.subject()).filter(i -> i.status() == status);
    }

    /** An incident declared outside any channel has nowhere to be reminded; its follow-up still re-arms. */
    void post(Incident incident, DueItem item, Reply reminder) {
        if (incident.channel() != null) {
            notifier.announce(incident.channel(), reminder, "followup:" + item.fireKey());
        }
    }
}
