package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.CoreFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentStorageTest {

    @Test
    void everyFieldSurvivesTheRoundTripThroughTheDriver() {
        try (CoreFixture core = new CoreFixture()) {
            core.run("bob", "/incident declare sev2 db latency --service payments");
            core.clock.advance(Duration.ofMinutes(3));
            core.run("alice", "/incident ack INC-1");
            core.run("alice", "/incident assign INC-1 @carol");
            core.run("carol", "/incident update INC-1 \"replica lag 40s\"");
            core.run("carol", "/incident severity INC-1 sev1");
            core.run("carol", "/incident mitigate INC-1");
            core.clock.advance(Duration.ofMinutes(57));
            core.run("carol", "/incident resolve INC-1 failed over");
            core.run("carol", "/incident close INC-1");

            Incident i = core.incidents.find("INC-1").orElseThrow();
            assertThat(i.title()).isEqualTo("db latency");
            assertThat(i.service()).isEqualTo("payments");
            assertThat(i.severity()).isEqualTo(Severity.SEV1);
            assertThat(i.status()).isEqualTo(IncidentStatus.CLOSED);
            assertThat(i.channel()).isEqualTo(core.here);
            assertThat(i.declaredBy()).isEqualTo(Actor.console("bob"));
            assertThat(i.owner()).isEqualTo(Actor.console("carol"));
            assertThat(i.acknowledgedBy()).isEqualTo(Actor.console("alice"));
            assertThat(i.resolvedBy()).isEqualTo(Actor.console("carol"));
            assertThat(i.summary()).isEqualTo("failed over");
            assertThat(i.timeToAcknowledge()).contains(Duration.ofMinutes(3));
            assertThat(i.timeToResolve()).contains(Duration.ofHours(1));
            assertThat(i.closedAt()).isEqualTo(core.clock.instant());
            assertThat(i.timeline()).extracting(TimelineEntry::kind).containsExactly("declared", "acknowledged",
                    "assigned", "update", "severity", "mitigated", "resolved", "closed");
            assertThat(i.timeline().get(3).text()).isEqualTo("replica lag 40s");
        }
    }

    @Test
    void everyChangeIsAuditedWithItsBeforeAndAfter() {
        try (CoreFixture core = new CoreFixture()) {
            core.run("bob", "/incident declare sev3 disk full");
            core.clock.advance(Duration.ofMinutes(1));
            core.run("alice", "/incident ack INC-1");
            core.clock.advance(Duration.ofMinutes(1));
            core.run("alice", "/incident severity INC-1 sev2");
            core.clock.advance(Duration.ofMinutes(1));
            core.run("alice", "/incident resolve INC-1");
            core.clock.advance(Duration.ofMinutes(1));
            core.run("bob", "/incident ack INC-1");

            assertThat(core.audit.forItem("INC-1", 10)).containsExactly(
                    entry(3, "alice", "incident.resolve",
                            "status=acknowledged severity=sev2 owner=console:alice",
                            "status=resolved severity=sev2 owner=console:alice"),
                    entry(2, "alice", "incident.severity",
                            "status=acknowledged severity=sev3 owner=console:alice",
                            "status=acknowledged severity=sev2 owner=console:alice"),
                    entry(1, "alice", "incident.ack",
                            "status=declared severity=sev3 owner=console:bob",
                            "status=acknowledged severity=sev3 owner=console:alice"),
                    entry(0, "bob", "incident.declare", "", "status=declared severity=sev3 owner=console:bob"));
        }
    }

    private static AuditEntry entry(int minute, String who, String action, String before,
            String after) {
        return new AuditEntry(Instant.parse("2026-11-27T14:00:00Z").plus(Duration.ofMinutes(minute)),
                Actor.console(who), action, "INC-1", before, after);
    }

    @Test
    void incidentsAndTheirNumbersSurviveARestartOfTheFileStore(@TempDir Path dir) {
        try (CoreFixture first = new CoreFixture(MongoStore.embedded(dir))) {
            first.run("bob", "/incident declare sev2 db latency");
            first.run("bob", "/incident declare sev4 slow dashboard");
            first.run("alice", "/incident ack INC-1");
            first.run("alice", "/incident update INC-1 \"it's the cache\"");
        }
        try (CoreFixture second = new CoreFixture(MongoStore.embedded(dir))) {
            Incident i = second.incidents.find("INC-1").orElseThrow();
            assertThat(i.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
            assertThat(i.acknowledgedBy()).isEqualTo(Actor.console("alice"));
            assertThat(i.timeline()).extracting(TimelineEntry::text).contains("it's the cache");
            assertThat(second.incidents.list(Incidents.Query.open())).extracting(Incident::id)
                    .containsExactlyInAnyOrder("INC-1", "INC-2");
            assertThat(second.audit.forItem("INC-1", 10)).hasSize(3);
            assertThat(second.run("carol", "/incident declare sev3 third").title()).contains("INC-3");
            assertThat(Inline.plain(second.run("carol", "/incident ack INC-1").text()))
                    .isEqualTo("INC-1 was already acknowledged by @alice at 14:00 UTC.");
        }
    }
}
