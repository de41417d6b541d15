package dev.opsbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.ownership.OpsFixture;
import dev.opsbot.testing.RecordingPoster.Post;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EscalationTest {

    private final OpsFixture ops = new OpsFixture();

    @AfterEach
    void close() {
        ops.close();
    }

    private void paymentsWithRotation() {
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        ops.ok("lead", "/oncall rotation create payments-primary --members @alice,@bob,@carol --every 1w "
                + "--handoff \"mon 09:00\" --tz Europe/London --service payments");
    }

    private List<String> pingsToPayments() {
        return ops.postsTo("payments").stream().map(Post::text).filter(t -> t.contains("INC-1"))
                .filter(t -> !t.startsWith("INC-1: ")).toList();
    }

    @Test
    void anUnacknowledgedSev1ClimbsTheLevelsAndAcknowledgingStopsItAtOnce() {
        paymentsWithRotation();

        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        assertThat(pingsToPayments()).hasSize(1);
        assertThat(pingsToPayments().get(0))
                .contains("@alice, you are paged as primary on call for payments: INC-1 was just declared.")
                .contains("Level: primary on call (1 of 3)")
                .contains("Next: bob, secondary on call (2 of 3), at 14:05 UTC (in 5m) unless someone acknowledges");

        ops.advance(Duration.ofMinutes(4));
        assertThat(pingsToPayments()).as("nothing before the sev1 timeout").hasSize(1);

        ops.advance(Duration.ofMinutes(1));
        assertThat(pingsToPayments()).hasSize(2);
        assertThat(pingsToPayments().get(1))
                .contains("@bob, you are paged as secondary on call for payments: INC-1 is not acknowledged after 5m.")
                .contains("Next: the whole channel (3 of 3), at 14:10 UTC");

        ops.advance(Duration.ofMinutes(5));
        assertThat(pingsToPayments()).hasSize(3);
        assertThat(pingsToPayments().get(2)).startsWith("INC-1")
                .contains("@here everyone here is paged for payments: INC-1 is not acknowledged after 10m.")
                .contains("Next: the whole channel, repeat 1 of 3, at 14:15 UTC");

        ops.ok("bob", "/incident ack INC-1");
        assertThat(ops.due.pending("INC-1", 10)).as("acknowledging cancels the next step").isEmpty();
        for (int i = 0; i < 6; i++) {
            ops.advance(Duration.ofMinutes(5));
        }
        assertThat(pingsToPayments()).as("no ping after acknowledge").hasSize(3);
    }

    @Test
    void acknowledgingBeforeTheTimeoutMeansOnlyTheFirstPing() {
        paymentsWithRotation();
        ops.ok("dave", "/incident declare sev2 \"slow refunds\" --service payments");
        assertThat(pingsToPayments().get(0)).contains("at 14:15 UTC (in 15m)");

        ops.advance(Duration.ofMinutes(3));
        ops.ok("alice", "/incident ack INC-1");
        ops.advance(Duration.ofHours(2));

        assertThat(pingsToPayments()).hasSize(1);
    }

    @Test
    void aStepThatFiresAfterAnAcknowledgeTheListenerNeverHeardOfPingsNobody() {
        paymentsWithRotation();
        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        // Acknowledged by a path that tells no listener, so the due step is still there when it fires.
        ops.core.incidents.update("INC-1", i -> i.acknowledge(Actor.console("alice"), ops.core.clock.instant()));
        assertThat(ops.due.pending("INC-1", 10)).hasSize(1);

        assertThat(ops.advance(Duration.ofMinutes(5))).isEqualTo(1);

        assertThat(pingsToPayments()).hasSize(1);
        assertThat(ops.due.pending("INC-1", 10)).as("and it schedules no further step").isEmpty();
    }

    @Test
    void resolvingAlsoStopsTheEscalation() {
        paymentsWithRotation();
        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        ops.ok("dave", "/incident resolve INC-1 false alarm");
        ops.advance(Duration.ofMinutes(30));
        assertThat(pingsToPayments()).hasSize(1);
    }

    @Test
    void aServiceWithoutRotationGetsTheChannelAtOnce() {
        ops.ok("lead", "/service add search --team find --channel #search");
        ops.ok("dave", "/incident declare sev3 \"stale results\" --service search");
        List<Post> posts = ops.postsTo("search");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).text()).contains(
                "@here everyone here is paged for search, since nobody is on call for it: INC-1 was just declared.");
    }

    @Test
    void anIncidentWithoutServicePagesNobody() {
        paymentsWithRotation();
        ops.ok("dave", "/incident declare sev1 \"something odd\"");
        assertThat(ops.postsTo("payments")).isEmpty();
        assertThat(ops.due.pending(null, 10)).noneMatch(i -> i.kind().equals(Escalation.KIND));
    }

    @Test
    void thePolicySetsTheLevelsAndTheTimeoutPerSeverity() {
        paymentsWithRotation();
        assertThat(ops.ok("lead", "/escalation show payments").plainText())
                .contains("primary → secondary → channel").contains("sev1 5m")
                .contains("the last level is paged 3 more times, then paging stops with a last message");

        ops.ok("lead", "/escalation set payments --sev1 2m --levels primary,channel");
        assertThat(ops.core.audit.forItem("payments", 5)).anyMatch(e -> e.action().equals("escalation.set"));

        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        assertThat(pingsToPayments().get(0)).contains("(in 2m)");
        ops.advance(Duration.ofMinutes(2));
        assertThat(pingsToPayments()).hasSize(2);
        assertThat(pingsToPayments().get(1)).contains("@here").doesNotContain("@bob");
    }

    @Test
    void badPolicyInputIsRefusedWithTheUsage() {
        paymentsWithRotation();
        var wrongLevel = ops.run("lead", "/escalation set payments --levels primary,boss");
        assertThat(wrongLevel.plainText()).contains("“boss” is not a level").contains("Usage: /escalation set");
        var nothing = ops.run("lead", "/escalation set payments");
        assertThat(nothing.plainText()).contains("Say what to change");
        var tooShort = ops.run("lead", "/escalation set payments --sev1 10s");
        assertThat(tooShort.plainText()).contains("between 1m and 1d");
        var unknown = ops.run("lead", "/escalation show nope");
        assertThat(unknown.plainText()).contains("There is no service “nope”");
        assertThat(ops.policies.forService("payments")).isEqualTo(EscalationPolicy.standard("payments"));
    }

    @Test
    void settingWhatIsAlreadySetSaysSoAndRecordsNothing() {
        paymentsWithRotation();
        var same = ops.run("lead", "/escalation set payments --sev1 5m --levels primary,secondary,channel");
        assertThat(same.isPrivate()).isTrue();
        assertThat(same.plainText()).isEqualTo("payments already escalates that way; nothing changed.");
        assertThat(ops.core.audit.forItem("payments", 5)).noneMatch(e -> e.action().equals("escalation.set"));
    }

    @Test
    void aServiceNameIsOneWordSoAnExtraWordIsNamedAsUnexpected() {
        paymentsWithRotation();
        String reply = ops.run("lead", "/escalation show payments extra").plainText();
        assertThat(reply).contains("I did not expect “extra” there.").contains("Usage: /escalation show")
                .doesNotContain("There is no service");
    }
}
