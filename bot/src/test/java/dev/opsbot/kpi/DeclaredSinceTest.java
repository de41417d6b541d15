package dev.opsbot.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.SeededIncidents;
import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A window's incidents come from the working set and the archive, at a cost that follows the window. */
class DeclaredSinceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");

    private final MongoStore store = MongoStore.inMemory();
    private final AtomicInteger historyPages = new AtomicInteger();
    private final Incidents incidents;

    DeclaredSinceTest() {
        // 1,000 archived incidents ten minutes apart, the newest declared exactly 30 days ago,
        // then 300 in the working set declared in the last 12 hours.
        SeededIncidents.seed(store.database(), 1000, 300, NOW);
        Incidents real = Incidents.inMongo(store.database(), new MongoCounters(store.database()));
        incidents = (Incidents) Proxy.newProxyInstance(Incidents.class.getClassLoader(), new Class<?>[] {Incidents.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("history")) {
                        historyPages.incrementAndGet();
                    }
                    return method.invoke(real, args);
                });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aWindowReadsOnlyWhatItHolds() {
        DeclaredSince.Found found = DeclaredSince.read(incidents, NOW.minus(Duration.ofDays(29)));
        assertThat(found.incidents()).hasSize(300).allMatch(i -> i.declaredAt().isAfter(NOW.minus(Duration.ofDays(1))));
        assertThat(found.cut()).isFalse();
        // 300 numbers and the first archived one behind them: two pages of 200.
        assertThat(historyPages).hasValue(2);
    }

    @Test
    void aWindowReachingIntoTheArchiveCountsArchivedIncidents() {
        // 31 days back reaches one day before the newest archived one: INC-856 to INC-1000, 145 of them
        // (1000 - n ten-minute steps may not exceed 1,440 minutes), the first on the window's edge.
        DeclaredSince.Found found = DeclaredSince.read(incidents, NOW.minus(Duration.ofDays(31)));
        long archived = found.incidents().stream().map(Incident::id)
                .filter(id -> Integer.parseInt(id.substring(4)) <= 1000).count();
        assertThat(archived).isEqualTo(145);
        assertThat(found.incidents()).hasSize(445);
        assertThat(found.cut()).isFalse();
    }

    @Test
    void aWindowHoldingEverythingReachesTheFirstIncident() {
        DeclaredSince.Found found = DeclaredSince.read(incidents, NOW.minus(Duration.ofDays(365)));
        assertThat(found.incidents()).hasSize(1300);
        assertThat(found.incidents().get(1299).id()).isEqualTo("INC-1");
        assertThat(historyPages).hasValue(7);
        assertThat(found.cut()).isFalse();
    }

    @Test
    void aWindowHoldingMoreThanTheCapIsMeasuredOnTheNewestAndSaysSo() {
        DeclaredSince.Found found = DeclaredSince.read(incidents, NOW.minus(Duration.ofDays(365)), 450);
        assertThat(found.cut()).isTrue();
        assertThat(found.incidents()).hasSize(450);
        assertThat(found.incidents().get(0).id()).isEqualTo("INC-1300");
        assertThat(found.incidents().get(449).id()).isEqualTo("INC-851");
    }
}
