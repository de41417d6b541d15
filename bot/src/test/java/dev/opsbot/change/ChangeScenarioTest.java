package dev.opsbot.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The issue's console scenario, end to end through the command router: a high-risk change on db-01
 * under payments, separation of duties, a conflict, a freeze, an emergency change, and the change
 * named as a suspect on the incident declared after it.
 */
class ChangeScenarioTest {

    private final ChangeFixture f = new ChangeFixture();

    @BeforeEach
    void paymentsOwnedByCarolWithDaveOnCall() {
        f.ok("lead", "/service add payments --team core --channel #payments --owner @carol");
        f.ok("lead", "/oncall rotation create payments-primary --members @dave,@erin --every 1w "
                + "--handoff \"mon 09:00\" --service payments");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theIssuesConsoleScenario() {
        Reply requested = f.ok("alice", "/change request upgrade postgres --asset db-01 --start \"tomorrow 22:00\" "
                + "--end \"tomorrow 23:30\" --risk high --plan \"pg_upgrade on the replica first\"");
        String card = requested.plainText();
        assertThat(card).contains("CHG-1 · upgrade postgres", "Sat 28 Nov 22:00 UTC – Sat 28 Nov 23:30 UTC",
                "Service payments: owner @carol, on call @dave, #payments", "reaching pay-api, web-01",
                "Service storefront", "needs two approvals, one of them from an owner of payments, storefront (@carol)");
        assertThat(requested.buttons()).extracting(Reply.Button::command)
                .containsExactly("/change approve CHG-1", "/change reject CHG-1");
        assertThat(f.postsTo("payments")).singleElement().satisfies(p -> assertThat(p.text()).contains("CHG-1"));

        assertThat(f.refused("alice", "/change approve CHG-1").plainText())
                .contains("You requested CHG-1, so someone else has to approve it.", "Usage: /change approve");

        assertThat(f.ok("bob", "/change approve CHG-1 looks fine").plainText())
                .contains("@bob approved; it still needs one more approval from an owner of payments");
        assertThat(f.refused("bob", "/change approve CHG-1").plainText()).contains("You already approved CHG-1");
        assertThat(f.refused("erin", "/change approve CHG-1").plainText())
                .contains("CHG-1 needs one more approval from an owner of payments");
        assertThat(f.ok("carol", "/change approve CHG-1").plainText()).contains("Approved by @bob, @carol");
        assertThat(f.changes.find("CHG-1").orElseThrow().state()).isEqualTo(ChangeState.APPROVED);

        Reply overlapping = f.ok("erin", "/change request restart pay-api --asset pay-api --start \"tomorrow 23:00\" "
                + "--end +34h");
        assertThat(overlapping.plainText()).contains("Verdict: CAUTION", "overlaps CHG-1 on pay-api",
                "Conflict: CHG-1 “upgrade postgres” (approved");

        f.ok("lead", "/change freeze add year-end --from 2026-12-20T00:00 --to 2027-01-04T00:00");
        Reply frozen = f.ok("alice", "/change request patch kernel --asset db-01 --start 2026-12-21T22:00 "
                + "--end 2026-12-21T23:00 --risk low");
        assertThat(frozen.plainText()).contains("Verdict: NO-GO", "crosses the freeze “year-end”");
        assertThat(f.refused("bob", "/change approve CHG-3").plainText())
                .contains("CHG-3 crosses the freeze “year-end”", "only an emergency change may be approved");
        assertThat(f.changes.find("CHG-3").orElseThrow().approvals()).isEmpty();

        f.ok("dave", "/incident declare sev2 \"payments failing\" --service payments");
        assertThat(f.refused("alice", "/change request hotfix --asset db-01 --type emergency "
                + "--start 2026-12-21T22:00 --end 2026-12-21T23:00").plainText())
                .contains("An emergency change must name the incident it fixes");
        Reply emergency = f.ok("alice", "/change request hotfix db driver --asset db-01 --type emergency "
                + "--incident INC-1 --start 2026-12-21T22:00 --end 2026-12-21T23:00 --risk high");
        assertThat(emergency.plainText()).contains("CHG-4", "allowed for an emergency change", "needs one approval.");
        assertThat(f.ok("bob", "/change approve CHG-4").plainText()).contains("Approved by @bob");
        f.at(Instant.parse("2026-12-21T22:00:00Z"));
        assertThat(f.ok("alice", "/change start CHG-4").plainText()).contains("Started by @alice");
        assertThat(f.postsTo("payments")).last().satisfies(p -> assertThat(p.text())
                .contains("CHG-4 · hotfix db driver", "Started by @alice"));
        assertThat(f.refused("alice", "/change start CHG-3").plainText()).contains("CHG-3 is not approved yet");
    }

    @Test
    void anIncidentDeclaredAnHourAfterTheChangeCompletedNamesItAsASuspect() {
        f.ok("alice", "/change request upgrade postgres --asset db-01 --start +1h --end +3h --risk low");
        f.ok("bob", "/change approve CHG-1");
        f.advance(Duration.ofHours(1));
        f.ok("alice", "/change start CHG-1");
        f.advance(Duration.ofMinutes(30));
        f.ok("alice", "/change done CHG-1 success");
        assertThat(f.record.successRate(f.now().minus(Duration.ofDays(1)), f.now().plusSeconds(1)))
                .isEqualTo(new ChangeRecord.SuccessRate(1, 1));
        f.advance(Duration.ofHours(1));

        Reply card = f.ok("dave", "/incident declare sev2 \"checkout errors\" --service payments");
        assertThat(card.plainText()).contains("Suspect change: CHG-1 “upgrade postgres” (completed 15:30 UTC, on db-01)");
        assertThat(card.buttons()).extracting(Reply.Button::command).contains("/change link CHG-1 INC-1");

        f.ok("dave", "/change link CHG-1 INC-1");
        assertThat(f.record.successRate(f.now().minus(Duration.ofDays(1)), f.now()))
                .isEqualTo(new ChangeRecord.SuccessRate(1, 0));
        assertThat(f.core.incidents.find("INC-1").orElseThrow().timeline())
                .anySatisfy(e -> assertThat(e.text()).isEqualTo("CHG-1 caused it"));
    }

    @Test
    void anIncidentOnAServiceNoChangeReachesListsNoSuspect() {
        f.ok("lead", "/service add billing --team core --channel #billing");
        f.ok("alice", "/change request flush cache --asset cache-01 --start +0m --end +1h --risk low");
        f.ok("bob", "/change approve CHG-1");
        f.ok("alice", "/change start CHG-1");
        Reply card = f.ok("dave", "/incident declare sev2 \"billing slow\" --service billing");
        assertThat(card.plainText()).doesNotContain("Suspect change");
        assertThat(f.record.inProgressOn("cache-01", f.now())).map(ChangeRequest::id).contains("CHG-1");
        assertThat(f.record.inProgressOn("db-01", f.now())).isEmpty();
    }
}
