package dev.opsbot.incident;

import java.util.Locale;

/** Where an incident is in its life. Declared, acknowledged and mitigated incidents are open. */
public enum IncidentStatus {
    DECLARED, ACKNOWLEDGED, MITIGATED, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this == DECLARED || this == ACKNOWLEDGED || this == MITIGATED;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
