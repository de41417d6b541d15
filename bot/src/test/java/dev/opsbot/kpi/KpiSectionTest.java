package dev.opsbot.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Severity;
import dev.opsbot.schedule.DueHandlers;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.Services;
import dev.opsbot.testing.CoreFixture;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KpiSectionTest {

    private final CoreFixture core = new CoreFixture();
    private final KpiSection section = new KpiSection(new Kpis(core.incidents, Services.inMongo(core.store.database()),
            DueItems.inMongo(core.store.database(), core.counters, new DueHandlers()), ChangeOutcomes.none()));

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void theMondayDigestReviewsTheLastSevenDays() {
        Instant friday = Instant.parse("2026-11-27T10:00:00Z");
        Actor bob = Actor.console("bob");
        core.incidents.declare(id -> Incident.declare(id, Severity.SEV2, "db latency", "payments",
                ChannelRef.console("ops"), bob, friday).acknowledge(bob, friday.plusSeconds(300)));
        Instant mondayMorning = Instant.parse("2026-11-30T08:00:00Z");

        assertThat(section.lines(mondayMorning, ZoneId.of("Europe/Berlin"))).startsWith(
                "Incidents: 1 (sev2 1)", "Time to acknowledge: median 5m · p90 5m (1 acknowledged)",
                "Time to resolve: none resolved yet");
        // Sunday 23:30 in UTC is already Monday in Berlin: the digest's zone decides.
        Instant sundayNightUtc = Instant.parse("2026-11-29T23:30:00Z");
        assertThat(section.lines(sundayNightUtc, ZoneId.of("UTC"))).isEmpty();
        assertThat(section.lines(sundayNightUtc, ZoneId.of("Europe/Berlin"))).isNotEmpty();
        assertThat(section.lines(Instant.parse("2026-12-01T08:00:00Z"), ZoneId.of("UTC"))).isEmpty();
    }

    @Test
    void aQuietWeekSaysSo() {
        assertThat(section.lines(Instant.parse("2026-11-30T08:00:00Z"), ZoneId.of("UTC")))
                .startsWith("Incidents: none declared").doesNotContain("Time to acknowledge");
    }
}
