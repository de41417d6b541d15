package dev.opsbot.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.testing.RecordingPoster.Post;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Assigning an incident to someone ends the handover that was waiting on it, and the offered person hears it. */
class AssignmentEndsHandoverTest {

    private final OpsFixture ops = new OpsFixture();

    @AfterEach
    void close() {
        ops.close();
    }

    private java.util.List<String> inOps() {
        return ops.postsTo("ops").stream().map(Post::text).toList();
    }

    @Test
    void assigningSomeoneElseEndsTheOfferAndTellsTheOfferedPerson() {
        ops.ok("dave", "/incident declare sev2 \"slow refunds\"");
        ops.ok("dave", "/owner handover INC-1 @erin");

        ops.ok("lead", "/incident assign INC-1 @frank");

        assertThat(ops.offers.find("INC-1")).isEmpty();
        assertThat(ops.due.pending("INC-1", 10)).noneMatch(i -> i.kind().equals(HandoverFollowUps.KIND));
        assertThat(inOps()).anySatisfy(t -> assertThat(t).contains("Handover ended")
                .contains("@erin, the handover of INC-1 · sev2 · slow refunds has ended: @lead made @frank the owner, "
                        + "so the offer from @dave no longer stands."));
        assertThat(ops.run("erin", "/owner accept INC-1").plainText()).contains("No handover of INC-1 is waiting");
        assertThat(ops.core.incidents.find("INC-1").orElseThrow().owner()).isEqualTo(Actor.console("frank"));
        assertThat(ops.core.audit.forItem("INC-1", 10)).anyMatch(e -> e.action().equals("owner.handover.void"));

        ops.advance(Duration.ofHours(3));
        assertThat(inOps()).noneMatch(t -> t.contains("Handover waiting") || t.contains("Handover unanswered"));
    }

    @Test
    void assigningTheOfferedPersonTellsThemThereIsNothingLeftToAccept() {
        ops.ok("dave", "/incident declare sev2 \"slow refunds\"");
        ops.ok("dave", "/owner handover INC-1 @erin");

        ops.ok("lead", "/incident assign INC-1 @erin");

        assertThat(ops.offers.find("INC-1")).isEmpty();
        assertThat(inOps()).anySatisfy(t -> assertThat(t)
                .contains("@erin, the handover of INC-1 · sev2 · slow refunds has ended: @lead made you the owner, "
                        + "so there is nothing left to accept."));
    }

    @Test
    void aChangeThatKeepsTheOwnerLeavesTheOfferWaiting() {
        ops.ok("dave", "/incident declare sev2 \"slow refunds\"");
        ops.ok("dave", "/owner handover INC-1 @erin");

        ops.ok("lead", "/incident update INC-1 looking at the queue");

        assertThat(ops.offers.find("INC-1")).isPresent();
        assertThat(ops.ok("erin", "/owner accept").plainText()).contains("@erin accepted");
    }
}
