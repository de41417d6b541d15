package dev.opsbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.ownership.OpsFixture;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.testing.RecordingPoster.Post;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console scenario of a night nobody answers: a sev3 on a service whose policy gives a sev1
 * one minute, raised to sev1 and never acknowledged. The clock moves by hand, one minute at a time.
 */
class UnacknowledgedSev1ScenarioTest {

    private final OpsFixture ops = new OpsFixture();

    @AfterEach
    void close() {
        ops.close();
    }

    private List<String> pages(String incident) {
        return ops.postsTo("payments").stream().map(Post::text).filter(t -> t.startsWith(incident + " · ")).toList();
    }

    private String waitingRef(String incident) {
        return ops.due.pending(incident, 10).stream().filter(i -> i.kind().equals(Escalation.KIND))
                .map(DueItem::ref).findFirst().orElseThrow();
    }

    private void paymentsWithOneMinuteSev1() {
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        ops.ok("lead", "/oncall rotation create payments-primary --members @alice,@bob,@carol --every 1w "
                + "--handoff \"mon 09:00\" --service payments");
        ops.ok("lead", "/escalation set payments --sev1 1m");
    }

    @Test
    void raisedToSev1AndNeverAcknowledgedPagesAtTheSev1TimeoutTrulyAndStopsAfterTheCappedRepeats() {
        paymentsWithOneMinuteSev1();
        ops.ok("dave", "/incident declare sev3 \"checkout errors\" --service payments");
        assertThat(pages("INC-1")).singleElement().asString()
                .contains("@alice, you are paged as primary on call for payments: INC-1 was just declared.")
                .contains("at 14:30 UTC (in 30m)");

        ops.advance(Duration.ofSeconds(20));
        ops.ok("dave", "/incident severity INC-1 sev1");
        String ref = waitingRef("INC-1");
        assertThat(ops.run("dave", "/followup snooze " + ref + " 1h").plainText())
                .startsWith(ref + " cannot be snoozed: an escalation step stops only when INC-1 is acknowledged");

        ops.advance(Duration.ofSeconds(39));
        assertThat(pages("INC-1")).as("nothing before the sev1 minute is up").hasSize(1);
        ops.advance(Duration.ofSeconds(1));
        assertThat(pages("INC-1")).hasSize(2);
        for (int minute = 0; minute < 10; minute++) {
            ops.advance(Duration.ofMinutes(1));
        }

        List<String> pages = pages("INC-1");
        assertThat(pages).hasSize(7);
        assertThat(pages.get(1)).startsWith("INC-1 · sev1 · checkout errors")
                .contains("@bob, you are paged as secondary on call for payments: INC-1 is not acknowledged after 1m.")
                .contains("Level: secondary on call (2 of 3)")
                .contains("Next: the whole channel (3 of 3), at 14:02 UTC (in 1m) unless someone acknowledges");
        assertThat(pages.get(2)).contains("@here everyone here is paged for payments: INC-1 is not acknowledged after 2m.");
        assertThat(pages.get(3)).contains("repeat 1 of 3").contains("after 3m");
        assertThat(pages.get(5)).contains("repeat 3 of 3").contains("Next: paging stops at 14:06 UTC");
        assertThat(pages.get(6)).contains("Nobody acknowledged INC-1 in 6m. It was paged 6 times; paging has stopped.");
        assertThat(ops.due.pending("INC-1", 10)).noneMatch(i -> i.kind().equals(Escalation.KIND));
    }

    @Test
    void acknowledgingStopsTheEscalationAtOnce() {
        paymentsWithOneMinuteSev1();
        ops.ok("dave", "/incident declare sev3 \"checkout errors\" --service payments");
        ops.ok("dave", "/incident severity INC-1 sev1");
        ops.advance(Duration.ofMinutes(1));
        ops.advance(Duration.ofMinutes(1));
        assertThat(pages("INC-1")).hasSize(3);

        ops.ok("bob", "/incident ack INC-1");
        for (int minute = 0; minute < 10; minute++) {
            ops.advance(Duration.ofMinutes(1));
        }

        assertThat(pages("INC-1")).hasSize(3);
        assertThat(ops.postsTo("payments")).extracting(Post::text).as("the service channel hears the acknowledgement")
                .containsOnlyOnce("INC-1: Acknowledged by @bob.");
        assertThat(ops.run("bob", "/followup list").plainText()).doesNotContain("Escalate INC-1");
    }
}
