package dev.opsbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import dev.opsbot.ownership.OpsFixture;
import dev.opsbot.testing.RecordingPoster.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A declaration that pages no one on call says so to whoever declared it, and how to fix it. */
class NobodyPagedTest {

    private final OpsFixture ops = new OpsFixture();

    @AfterEach
    void close() {
        ops.close();
    }

    private String declare(String line) {
        Reply reply = ops.ok("dave", line);
        assertThat(reply.title()).as("the answer is the incident").contains("INC-1");
        assertThat(ops.postsTo("incidents")).as("the incidents channel still hears it")
                .extracting(Post::text).anyMatch(t -> t.contains("INC-1"));
        return reply.plainText();
    }

    private static long linesSaying(String text, String what) {
        return text.lines().filter(l -> l.contains(what)).count();
    }

    @Test
    void declaringWithoutAServiceSaysNobodyWasPaged() {
        String answer = declare("/incident declare sev2 \"checkout slow\"");

        assertThat(linesSaying(answer, "Nobody was paged")).isEqualTo(1);
        assertThat(answer).contains("Nobody was paged: INC-1 names no service.")
                .contains("/incident assign INC-1 @who").contains("(/service add creates one).");
    }

    @Test
    void aNameThatIsNotAServiceBeforeAnyServiceExistsSaysHowToAddIt() {
        String answer = declare("/incident declare sev2 \"checkout slow\" --service payments");

        assertThat(linesSaying(answer, "Nobody was paged")).isEqualTo(1);
        assertThat(answer).contains("Nobody was paged: there is no service “payments” yet; /service add payments")
                .contains("--service payments.");
    }

    @Test
    void aServiceWithoutARotationPagesOnlyItsChannelAndTheAnswerSaysSo() {
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");

        String answer = declare("/incident declare sev1 \"card payments failing\" --service payments");

        assertThat(linesSaying(answer, "Nobody on call was paged")).isEqualTo(1);
        assertThat(answer).contains("Nobody on call was paged: payments has no on-call rotation, so only #payments "
                + "heard it; /oncall rotation create <rotation> --members @a,@b --service payments.");
        assertThat(ops.postsTo("payments")).extracting(Post::text)
                .anyMatch(t -> t.contains("everyone here is paged for payments"));
    }

    @Test
    void aRotationWithNobodyForTheLevelsSaysWhoCouldBePutOnCall() {
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        ops.ok("lead", "/oncall rotation create solo --members @alice --service payments");
        ops.ok("lead", "/escalation set payments --levels secondary");

        String answer = declare("/incident declare sev1 \"card payments failing\" --service payments");

        assertThat(answer).contains("Nobody on call was paged: rotation solo, which answers for payments, has nobody on call for its "
                + "escalation levels, so only #payments heard it; /oncall override @who 4h --service payments");
    }

    @Test
    void aPagedOnCallMeansNoSuchLine() {
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        ops.ok("lead", "/oncall rotation create payments-primary --members @alice,@bob --service payments");

        String answer = declare("/incident declare sev1 \"card payments failing\" --service payments");

        assertThat(answer).doesNotContain("paged");
    }
}
