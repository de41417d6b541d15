package dev.opsbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import dev.opsbot.ownership.OpsFixture;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.testing.RecordingPoster.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Escalation that follows the incident: severity changes, reopening, a bounded end, and no snoozing. */
class EscalationFollowsIncidentTest {

    private final OpsFixture ops = new OpsFixture();

    @AfterEach
    void close() {
        ops.close();
    }

    private void payments(String levels) {
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        ops.ok("lead", "/oncall rotation create payments-primary --members @alice,@bob,@carol --every 1w "
                + "--handoff \"mon 09:00\" --tz Europe/London --service payments");
        if (levels != null) {
            ops.ok("lead", "/escalation set payments --levels " + levels);
        }
    }

    private List<String> pages() {
        return ops.postsTo("payments").stream().map(Post::text).filter(t -> t.startsWith("INC-1 · ")).toList();
    }

    private DueItem waitingStep() {
        return ops.due.pending("INC-1", 10).stream().filter(i -> i.kind().equals(Escalation.KIND)).findFirst()
                .orElseThrow();
    }

    private Instant at(String clock) {
        return Instant.parse("2026-11-27T" + clock + ":00Z");
    }

    @Test
    void anEscalationStepIsListedButCannotBeSnoozedOrMarkedDone() {
        payments(null);
        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        String ref = waitingStep().ref();
        assertThat(ops.run("dave", "/followup list").plainText()).contains(ref + " · Escalate INC-1");

        Reply snooze = ops.run("dave", "/followup snooze " + ref + " 1h");
        Reply done = ops.run("dave", "/followup done " + ref);

        assertThat(snooze.isPrivate()).isTrue();
        assertThat(snooze.plainText()).isEqualTo(ref + " cannot be snoozed: an escalation step stops only when INC-1 "
                + "is acknowledged or resolved, so a page is never silenced by accident.");
        assertThat(done.plainText()).isEqualTo(ref + " ends by itself once INC-1 is acknowledged, mitigated or resolved.");
        assertThat(waitingStep().dueAt()).isEqualTo(at("14:05"));
        ops.advance(Duration.ofMinutes(5));
        assertThat(pages()).hasSize(2);
    }

    @Test
    void raisingTheSeverityRetimesTheWaitingStepFromTheDeclaration() {
        payments(null);
        ops.ok("dave", "/incident declare sev3 \"refunds slow\" --service payments");
        assertThat(waitingStep().dueAt()).isEqualTo(at("14:30"));

        ops.advance(Duration.ofMinutes(2));
        ops.ok("dave", "/incident severity INC-1 sev1");

        assertThat(waitingStep().dueAt()).as("sev1's 5m from 14:00, not from 14:02").isEqualTo(at("14:05"));
        assertThat(waitingStep().data().get(DueItem.LABEL)).contains("sev1");
        ops.advance(Duration.ofMinutes(2));
        assertThat(pages()).hasSize(1);
        ops.advance(Duration.ofMinutes(1));
        assertThat(pages()).hasSize(2);
        assertThat(pages().get(1)).contains("INC-1 · sev1").contains("is not acknowledged after 5m")
                .contains("at 14:10 UTC (in 5m)");
    }

    @Test
    void raisingTheSeverityOfAnOverdueIncidentPagesAtOnce() {
        payments(null);
        ops.ok("dave", "/incident declare sev3 \"refunds slow\" --service payments");
        ops.advance(Duration.ofMinutes(10));

        ops.ok("dave", "/incident severity INC-1 sev1");
        assertThat(ops.advance(Duration.ZERO)).isEqualTo(1);

        assertThat(pages()).hasSize(2);
        assertThat(pages().get(1)).contains("@bob, you are paged as secondary on call")
                .contains("not acknowledged after 10m");
    }

    @Test
    void loweringTheSeverityLengthensTheWait() {
        payments(null);
        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        ops.advance(Duration.ofMinutes(1));

        ops.ok("dave", "/incident severity INC-1 sev3");

        assertThat(waitingStep().dueAt()).isEqualTo(at("14:30"));
        ops.advance(Duration.ofMinutes(20));
        assertThat(pages()).hasSize(1);
    }

    @Test
    void theLastLevelRepeatsAtMostTheCapThenOneMessageSaysPagingStopped() {
        payments("primary,channel");
        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        for (int i = 0; i < 12; i++) {
            ops.advance(Duration.ofMinutes(5));
        }

        List<String> pages = pages();
        assertThat(pages).hasSize(6);
        assertThat(pages.get(2)).contains("Level: the whole channel, repeat 1 of 3");
        assertThat(pages.get(4)).contains("Level: the whole channel, repeat 3 of 3")
                .contains("Next: paging stops at 14:25 UTC (in 5m) unless someone acknowledges");
        assertThat(pages.get(5)).contains("Nobody acknowledged INC-1 in 25m. It was paged 5 times; paging has stopped.")
                .doesNotContain("@here");
        assertThat(ops.due.pending("INC-1", 10)).noneMatch(i -> i.kind().equals(Escalation.KIND));
    }

    @Test
    void reopeningAnUnacknowledgedIncidentStartsAfreshAndPages() {
        payments(null);
        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        ops.ok("dave", "/incident resolve INC-1 went away");
        ops.advance(Duration.ofMinutes(30));

        ops.ok("dave", "/incident reopen INC-1");

        assertThat(pages()).hasSize(2);
        assertThat(pages().get(1)).contains("@alice, you are paged as primary on call for payments: INC-1 was just "
                + "reopened.");
        ops.advance(Duration.ofMinutes(5));
        assertThat(pages()).hasSize(3);
        assertThat(pages().get(2)).contains("@bob").contains("not acknowledged after 5m");
        ops.ok("bob", "/incident ack INC-1");
        ops.advance(Duration.ofMinutes(30));
        assertThat(pages()).hasSize(3);
    }

    @Test
    void reopeningAnIncidentThatStaysAcknowledgedTellsTheOnCallOnceAndDoesNotEscalate() {
        payments(null);
        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        ops.ok("carol", "/incident ack INC-1");
        ops.ok("carol", "/incident resolve INC-1 fixed");

        ops.ok("dave", "/incident reopen INC-1");

        assertThat(pages()).hasSize(2);
        assertThat(pages().get(1)).contains("@alice, INC-1 was reopened by @dave; it stays acknowledged by @carol, "
                + "so it does not escalate.");
        ops.advance(Duration.ofHours(1));
        assertThat(pages()).hasSize(2);
    }

    @Test
    void aChannelFirstPageDoesNotClaimNobodyIsOnCallAndNamesWhoIsNext() {
        payments("channel,primary");
        ops.ok("lead", "/oncall override @dan 4h --service payments");

        ops.ok("erin", "/incident declare sev2 \"slow refunds\" --service payments");

        String first = pages().get(0);
        assertThat(first).contains("@here everyone here is paged for payments: INC-1 was just declared.")
                .doesNotContain("nobody is on call")
                .contains("Level: the whole channel (1 of 2)")
                .contains("Next: dan, primary on call (2 of 2), at 14:15 UTC (in 15m)");
    }

    @Test
    void aSecondaryFirstPageSaysTheIncidentWasDeclaredNotThatNobodyAcknowledged() {
        payments("secondary,channel");

        ops.ok("erin", "/incident declare sev2 \"slow refunds\" --service payments");

        String first = pages().get(0);
        assertThat(first).contains("@bob, you are paged as secondary on call for payments: INC-1 was just declared.")
                .doesNotContain("nobody acknowledged").doesNotContain("0s")
                .contains("Level: secondary on call (1 of 2)");
    }
}
