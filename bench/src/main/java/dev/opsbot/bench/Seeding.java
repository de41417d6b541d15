package dev.opsbot.bench;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.SeededIncidents;
import dev.opsbot.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How a store of a given size is made: the application's bulk seeder for history, its own port for the rest. */
final class Seeding {

    /** Incidents the seeder puts in the working set: half open (a third of those unacknowledged), half resolved. */
    static final int WORKING = 250;

    private Seeding() {
    }

    /**
     * Stores {@code history} closed incidents in the archive and {@link #WORKING} in the working
     * set through {@link SeededIncidents} (the incidents' own codec, {@code insertMany}), then
     * declares {@code open} unacknowledged incidents through {@link Incidents}, as a person's
     * declare would; returns those ids, oldest first. History holds INC-1 to INC-{@code history}.
     */
    static List<String> seed(MongoDatabase db, Incidents incidents, int history, int open) {
        Instant now = Instant.now();
        SeededIncidents.seed(db, history, WORKING, now);
        Actor seeder = new Actor(Platform.SLACK, "USEED", "seed");
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
