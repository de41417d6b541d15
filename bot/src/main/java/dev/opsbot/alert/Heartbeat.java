package dev.opsbot.alert;

import dev.opsbot.chat.Actor;
import java.time.Duration;
import java.time.Instant;

/**
 * An always-firing alert (Alertmanager's Watchdog) expected at least {@code every}: silence for
 * twice that declares an incident, once ({@code silentIncident}), until the alert is heard again.
 */
public record Heartbeat(String name, Duration every, String service, Instant lastSeen, String silentIncident,
        Actor setBy) {

    /** When silence starts to count as the pipeline being down. */
    public Instant silentAfter() {
        return lastSeen.plus(every.multipliedBy(2));
    }

    public boolean isSilent(Instant now) {
        return now.isAfter(silentAfter());
    }

    Heartbeat seen(Instant at) {
        return new Heartbeat(name, every, service, at.isAfter(lastSeen) ? at : lastSeen, null, setBy);
    }

    Heartbeat declared(String incident) {
        return new Heartbeat(name, every, service, lastSeen, incident, setBy);
    }
}
