package dev.opsbot.bench;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How a store of a given size is made: the one place to change when the application gets a bulk history loader. */
final class Seeding {

    private Seeding() {
    }

    /**
     * Stores {@code history} incidents closed long ago (one every 30 minutes, going back in time)
     * and {@code open} unacknowledged ones declared in the last hours, through the application's own
     * {@link Incidents}; returns the open ones' ids, oldest first.
     */
    static List<String> seed(Incidents incidents, int history, int open) {
        Actor seeder = new Actor(Platform.SLACK, "USEED", "seed");
        Instant now = Instant.now();
        for (int i = 0; i < history; i++) {
            Instant declared = now.minus(Duration.ofDays(2).plusMinutes(30L * (history - i)));
            int n = i;
            incidents.declare(id -> Incident.declare(id, Severity.values()[n % 4], "seeded incident " + n,
                    "svc" + n % 10, RunningApp.OPS, seeder, declared)
                    .resolve(seeder, "fixed", declared.plus(Duration.ofMinutes(20)))
                    .close(seeder, declared.plus(Duration.ofMinutes(25))));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < open; i++) {
            Instant declared = now.minus(Duration.ofSeconds(10L * (open - i)));
            int n = i;
            ids.add(incidents.declare(id -> Incident.declare(id, Severity.values()[n % 4], "open incident " + n,
                    "svc" + n % 10, RunningApp.OPS, seeder, declared)).id());
        }
        return ids;
    }
}
