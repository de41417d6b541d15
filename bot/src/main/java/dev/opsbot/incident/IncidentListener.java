package dev.opsbot.incident;

import dev.opsbot.chat.Actor;

/**
 * Told about every stored incident change, after it is stored. Paging the on-call, escalation
 * and follow-ups plug in here, so the incident rules need not know about them.
 */
public interface IncidentListener {

    default void declared(Incident incident) {
    }

    default void changed(Incident before, Incident after, Actor by) {
    }
}
