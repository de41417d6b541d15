package dev.opsbot.incident;

import dev.opsbot.chat.Actor;
import java.util.Optional;

/**
 * Told about every stored incident change, after it is stored. Paging the on-call, escalation
 * and follow-ups plug in here, so the incident rules need not know about them.
 */
public interface IncidentListener {

    default void declared(Incident incident) {
    }

    /**
     * Told of a declaration by the command that made it, in place of {@link #declared}: returns one
     * line the person who declared it must read about what this listener did or could not do (that
     * nobody was paged, and how to fix it), or empty. By default it is {@link #declared} and says nothing.
     */
    default Optional<String> declaredTelling(Incident incident) {
        declared(incident);
        return Optional.empty();
    }

    default void changed(Incident before, Incident after, Actor by) {
    }
}
