package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.command.Refusal;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class IncidentRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T13:58:00Z");
    private final Actor alice = Actor.console("alice");
    private final Actor bob = Actor.console("bob");
    private final Actor carol = Actor.console("carol");

    private Incident declared() {
        return Incident.declare("INC-7", Severity.SEV2, "db latency", "payments", ChannelRef.console("ops"), bob, T0);
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-11-27T" + hhmm + ":00Z");
    }

    /** The refusal's sentence as the console shows it. */
    private static void assertRefused(ThrowingCallable change, String sentence) {
        assertThatThrownBy(change).isInstanceOf(Refusal.class)
                .satisfies(r -> assertThat(Inline.plain(r.getMessage())).isEqualTo(sentence))
                .satisfies(r -> assertThat(((Refusal) r).showUsage()).as("state, not input, is at fault").isFalse());
    }

    @Test
    void aDeclaredIncidentIsOpenAndOwnedByWhoeverDeclaredIt() {
        Incident i = declared();
        assertThat(i.status()).isEqualTo(IncidentStatus.DECLARED);
        assertThat(i.isOpen()).isTrue();
        assertThat(i.owner()).isEqualTo(bob);
        assertThat(i.timeline()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("declared");
            assertThat(e.text()).isEqualTo("sev2 db latency");
        });
        assertThat(i.timeToAcknowledge()).isEmpty();
        assertThat(i.timeToResolve()).isEmpty();
    }

    @Test
    void acknowledgingRecordsWhoAndWhenAndHandsOverTheLead() {
        Incident i = declared().acknowledge(alice, at("14:03"));
        assertThat(i.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(i.acknowledgedBy()).isEqualTo(alice);
        assertThat(i.owner()).isEqualTo(alice);
        assertThat(i.timeToAcknowledge()).contains(Duration.ofMinutes(5));
        assertThat(i.timeline()).extracting(TimelineEntry::kind).containsExactly("declared", "acknowledged");
    }

    @Test
    void acknowledgingKeepsAnExplicitlyAssignedOwner() {
        Incident i = declared().assign(bob, carol, at("14:00")).acknowledge(alice, at("14:03"));
        assertThat(i.owner()).isEqualTo(carol);
    }

    @Test
    void acknowledgingTwiceSaysWhoWasFirstAndWhen() {
        Incident acked = declared().acknowledge(alice, at("14:03"));
        assertRefused(() -> acked.acknowledge(bob, at("14:04")),
                "INC-7 was already acknowledged by @alice at 14:03 UTC.");
    }

    @Test
    void aMitigatedIncidentCountsAsAcknowledged() {
        Incident i = declared().mitigate(carol, at("14:10"));
        assertThat(i.status()).isEqualTo(IncidentStatus.MITIGATED);
        assertThat(i.acknowledgedBy()).isEqualTo(carol);
        assertThat(i.timeToAcknowledge()).contains(Duration.ofMinutes(12));
        assertRefused(() -> i.acknowledge(bob, at("14:11")), "INC-7 was already acknowledged by @carol at 14:10 UTC.");
        assertRefused(() -> i.mitigate(bob, at("14:11")), "INC-7 is already mitigated.");
    }

    @Test
    void mitigatingKeepsTheFirstAcknowledgement() {
        Incident i = declared().acknowledge(alice, at("14:03")).mitigate(carol, at("14:10"));
        assertThat(i.acknowledgedBy()).isEqualTo(alice);
        assertThat(i.mitigatedAt()).isEqualTo(at("14:10"));
    }

    @Test
    void assignAndReassign() {
        Incident i = declared().assign(alice, carol, at("14:01"));
        assertThat(i.owner()).isEqualTo(carol);
        assertThat(i.timeline().get(1).text()).isEqualTo("owner " + Inline.user(carol));
        assertRefused(() -> i.assign(alice, carol, at("14:02")), "@carol already owns INC-7.");
    }

    @Test
    void notesGoOnTheTimelineVerbatim() {
        Incident i = declared().note(alice, "failover <!channel> started", at("14:05"));
        assertThat(i.timeline().get(1)).isEqualTo(
                new TimelineEntry(at("14:05"), alice, "update", "failover <!channel> started"));
        assertThat(i.lastUpdateAt()).isEqualTo(at("14:05"));
        assertThat(i.status()).isEqualTo(IncidentStatus.DECLARED);
    }

    @Test
    void severityChanges() {
        Incident i = declared().changeSeverity(alice, Severity.SEV1, at("14:05"));
        assertThat(i.severity()).isEqualTo(Severity.SEV1);
        assertThat(i.timeline().get(1).text()).isEqualTo("sev2 → sev1");
        assertRefused(() -> i.changeSeverity(alice, Severity.SEV1, at("14:06")), "INC-7 is already sev1.");
    }

    @Test
    void resolvingRecordsTheSummaryAndTimeToResolve() {
        Incident i = declared().acknowledge(alice, at("14:03")).resolve(alice, "rolled back", at("15:28"));
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.isOpen()).isFalse();
        assertThat(i.resolvedBy()).isEqualTo(alice);
        assertThat(i.summary()).isEqualTo("rolled back");
        assertThat(i.timeToResolve()).contains(Duration.ofMinutes(90));
        assertRefused(() -> i.resolve(bob, null, at("15:30")), "INC-7 was already resolved by @alice at 15:28 UTC.");
    }

    @Test
    void aResolvedIncidentIsNoLongerWorkedOn() {
        Incident i = declared().resolve(alice, null, at("14:30"));
        assertRefused(() -> i.acknowledge(bob, at("14:31")), "Cannot acknowledge INC-7: it is resolved.");
        assertRefused(() -> i.mitigate(bob, at("14:31")), "Cannot mitigate INC-7: it is resolved.");
        assertRefused(() -> i.changeSeverity(bob, Severity.SEV1, at("14:31")),
                "Cannot change the severity of INC-7: it is resolved.");
        assertThat(i.note(bob, "postmortem on friday", at("14:40")).timeline()).hasSize(3);
    }

    @Test
    void reopeningGoesBackToWhereWorkStoodAndForgetsTheResolution() {
        Incident acked = declared().acknowledge(alice, at("14:03")).mitigate(alice, at("14:10"))
                .resolve(alice, "restarted", at("14:20"));
        Incident reopened = acked.reopen(bob, at("14:40"));
        assertThat(reopened.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(reopened.isOpen()).isTrue();
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.resolvedBy()).isNull();
        assertThat(reopened.mitigatedAt()).isNull();
        assertThat(reopened.summary()).as("the old resolution no longer holds").isNull();
        assertThat(reopened.timeToResolve()).isEmpty();
        assertThat(reopened.timeToAcknowledge()).contains(Duration.ofMinutes(5));

        Incident neverAcked = declared().resolve(alice, null, at("14:20")).reopen(bob, at("14:40"));
        assertThat(neverAcked.status()).isEqualTo(IncidentStatus.DECLARED);
    }

    @Test
    void resolvingAgainAfterReopeningMeasuresToTheNewResolution() {
        Incident i = declared().resolve(alice, null, at("14:20")).reopen(bob, at("14:40"))
                .resolve(bob, "for real", at("15:58"));
        assertThat(i.timeToResolve()).contains(Duration.ofHours(2));
        assertThat(i.timeline()).extracting(TimelineEntry::kind)
                .containsExactly("declared", "resolved", "reopened", "resolved");
    }

    @Test
    void onlyAResolvedIncidentCanBeReopened() {
        assertRefused(() -> declared().reopen(bob, at("14:40")), "INC-7 is still open.");
    }

    @Test
    void closingNeedsAResolvedIncident() {
        assertRefused(() -> declared().close(alice, at("14:40")), "INC-7 is still open; resolve it before closing it.");
        assertRefused(() -> declared().acknowledge(alice, at("14:03")).close(alice, at("14:40")),
                "INC-7 is still open; resolve it before closing it.");
        Incident closed = declared().resolve(alice, null, at("14:20")).close(alice, at("14:40"));
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(at("14:40"));
    }

    @Test
    void aClosedIncidentIsFinal() {
        Incident closed = declared().acknowledge(alice, at("14:03")).resolve(alice, null, at("14:20"))
                .close(alice, at("14:40"));
        assertRefused(() -> closed.close(bob, at("14:41")), "INC-7 is already closed.");
        assertRefused(() -> closed.resolve(bob, null, at("14:41")), "Cannot resolve INC-7: it is closed.");
        assertRefused(() -> closed.reopen(bob, at("14:41")),
                "INC-7 is closed; declare a new incident and mention INC-7 in it.");
        assertRefused(() -> closed.acknowledge(bob, at("14:41")), "Cannot acknowledge INC-7: it is closed.");
        assertRefused(() -> closed.mitigate(bob, at("14:41")), "Cannot mitigate INC-7: it is closed.");
        assertRefused(() -> closed.note(bob, "x", at("14:41")), "Cannot update INC-7: it is closed.");
        assertRefused(() -> closed.assign(bob, carol, at("14:41")), "Cannot assign INC-7: it is closed.");
        assertRefused(() -> closed.changeSeverity(bob, Severity.SEV4, at("14:41")),
                "Cannot change the severity of INC-7: it is closed.");
    }

    @Test
    void everyChangeLeavesTheOriginalUntouched() {
        Incident original = declared();
        original.acknowledge(alice, at("14:03"));
        assertThat(original.status()).isEqualTo(IncidentStatus.DECLARED);
        assertThat(original.timeline()).hasSize(1);
    }

    @Test
    void severityWords() {
        assertThat(Severity.parse("SEV1")).contains(Severity.SEV1);
        assertThat(Severity.parse("3")).contains(Severity.SEV3);
        assertThat(Severity.parse("sev9")).isEmpty();
        assertThat(Severity.WORDS).containsExactly("sev1", "sev2", "sev3", "sev4");
    }
}
