package dev.opsbot.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.testing.RecordingPoster.Post;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HandoverTest extends PaymentsOwnedByAlice {

    private Actor ownerOfPayments() {
        return ops.services.find("payments").orElseThrow().owner();
    }

    @Test
    void theItemStaysWithItsOwnerUntilTheNewOneAccepts() {
        Reply offer = ops.ok("alice", "/owner handover payments @bob watch the refunds queue");
        assertThat(offer.isPrivate()).isFalse();
        assertThat(offer.plainText()).contains("@alice stays the owner until @bob accepts")
                .contains("Note: watch the refunds queue")
                .contains("@alice can take it back with /owner withdraw payments.");
        assertThat(ownerOfPayments()).isEqualTo(ALICE);
        assertThat(ops.ok("x", "/owner show payments").plainText()).contains("Owner: @alice")
                .contains("Handover: offered to @bob");

        assertThat(ops.ok("alice", "/owner mine").rows()).extracting(Inline::plain).containsExactly(
                "Owner of service payments",
                "Offered by you: service payments to @bob, still yours until they accept — "
                        + "/owner withdraw payments takes it back");
        assertThat(ops.ok("bob", "/owner mine").rows()).extracting(Inline::plain).containsExactly(
                "Waiting for your answer: service payments from @alice — /owner accept payments or "
                        + "/owner decline payments");

        String acceptButton = offer.buttons().get(0).command();
        assertThat(acceptButton).isEqualTo("/owner accept payments");
        Reply accepted = ops.ok("bob", acceptButton);
        assertThat(accepted.plainText()).contains("@bob accepted service payments from @alice and owns it now");

        assertThat(ownerOfPayments()).isEqualTo(BOB);
        assertThat(ops.offers.find("payments")).isEmpty();
        assertThat(ops.due.pending("payments", 10)).isEmpty();
        assertThat(ops.ok("bob", "/owner mine").rows()).extracting(Inline::plain)
                .containsExactly("Owner of service payments");
        assertThat(ops.core.audit.forItem("payments", 10)).extracting(e -> e.action())
                .contains("owner.handover.offer", "owner.handover.accept");
    }

    @Test
    void incidentOwnershipMovesOnTheIncidentItself() {
        ops.ok("dave", "/incident declare sev2 \"slow refunds\" --service payments");
        ops.ok("dave", "/owner handover inc-1 @erin");
        assertThat(ops.core.incidents.find("INC-1").orElseThrow().owner()).isEqualTo(Actor.console("dave"));

        ops.ok("erin", "/owner accept");

        var incident = ops.core.incidents.find("INC-1").orElseThrow();
        assertThat(incident.owner()).isEqualTo(Actor.console("erin"));
        assertThat(incident.timeline()).extracting(e -> e.kind()).contains("assigned");
        assertThat(ops.ok("erin", "/owner mine").rows()).extracting(Inline::plain).singleElement().asString()
                .startsWith("Owner of INC-1 · sev2 · slow refunds");
    }

    @Test
    void declineKeepsTheItemWhereItWas() {
        ops.ok("alice", "/owner handover payments @bob");
        Reply declined = ops.ok("bob", "/owner decline payments");
        assertThat(declined.plainText()).contains("@bob declined service payments; @alice still owns it.");
        assertThat(ownerOfPayments()).isEqualTo(ALICE);
        assertThat(ops.offers.find("payments")).isEmpty();

        ops.advance(Duration.ofHours(3));
        assertThat(ops.core.console.posts()).as("no reminder after an answer").isEmpty();
        assertThat(ops.run("bob", "/owner accept payments").plainText())
                .contains("No handover of payments is waiting for an answer.");
    }

    @Test
    void anUnansweredOfferRemindsBothSidesThenLapsesToTheServiceChannel() {
        ops.ok("alice", "/owner handover payments @bob");

        ops.advance(Duration.ofMinutes(29));
        assertThat(ops.postsTo("ops")).isEmpty();
        ops.advance(Duration.ofMinutes(1));
        assertThat(ops.postsTo("ops")).extracting(Post::text).singleElement().asString()
                .contains("@bob, @alice offered you service payments 30m ago; it stays with @alice until you answer.");
        assertThat(ops.postsTo("ops").get(0).message().buttons()).extracting(Reply.Button::command)
                .containsExactly("/owner accept payments", "/owner decline payments");

        ops.advance(Duration.ofMinutes(89));
        assertThat(ops.postsTo("payments")).isEmpty();
        ops.advance(Duration.ofMinutes(1));
        assertThat(ops.postsTo("payments")).extracting(Post::text).singleElement().asString()
                .contains("@bob did not answer the handover from @alice within 2h. @alice still owns service payments");

        assertThat(ownerOfPayments()).isEqualTo(ALICE);
        assertThat(ops.offers.find("payments")).isEmpty();
        assertThat(ops.due.pending("payments", 10)).isEmpty();
        assertThat(ops.run("bob", "/owner accept payments").plainText()).contains("No handover of payments");
        assertThat(ops.core.audit.forItem("payments", 10)).extracting(e -> e.action())
                .contains("owner.handover.lapsed");
    }

    @Test
    void anOfferForAResolvedIncidentLapsesQuietly() {
        ops.ok("dave", "/incident declare sev2 \"slow refunds\" --service payments");
        ops.ok("dave", "/owner handover INC-1 @erin");
        ops.ok("dave", "/incident resolve INC-1 fixed");

        ops.advance(Duration.ofMinutes(30));

        assertThat(ops.offers.find("INC-1")).isEmpty();
        assertThat(ops.postsTo("ops")).noneMatch(p -> p.text().contains("Handover"));
    }

    @Test
    void onlyTheOwnerHandsOverOneOfferAtATimeAndOnlyTheOfferedAnswers() {
        assertThat(ops.run("bob", "/owner handover payments @carol").plainText())
                .contains("Only the owner, @alice, can hand over service payments.");
        assertThat(ops.run("alice", "/owner handover payments @alice").plainText()).contains("hand it to someone else");

        ops.ok("alice", "/owner handover payments @bob");
        assertThat(ops.run("alice", "/owner handover payments @carol").plainText())
                .contains("service payments already has a handover waiting for @bob's answer.");
        assertThat(ops.run("carol", "/owner accept payments").plainText())
                .contains("offered to @bob, not to you.");
        assertThat(ops.run("carol", "/owner accept").plainText()).contains("No handover is waiting for your answer.");
        assertThat(ops.run("x", "/owner show nope-nope").plainText())
                .contains("There is no incident or service “nope-nope”");
        assertThat(ownerOfPayments()).isEqualTo(ALICE);
        assertThat(ops.offers.find("payments").orElseThrow().to()).isEqualTo(BOB);
    }

    @Test
    void anAcceptAfterTheOwnerChangedElsewhereIsRefusedAndTheOfferVoid() {
        ops.ok("dave", "/incident declare sev2 \"slow refunds\" --service payments");
        ops.ok("dave", "/owner handover INC-1 @erin");
        // Changed by a path that tells no listener (as a race with the accept would), so the offer is still there.
        ops.core.incidents.update("INC-1", i -> i.assign(Actor.console("lead"), Actor.console("frank"),
                ops.core.clock.instant()));

        assertThat(ops.run("erin", "/owner accept INC-1").plainText())
                .contains("INC-1 is owned by @frank now, so this no longer applies.");

        assertThat(ops.core.incidents.find("INC-1").orElseThrow().owner()).isEqualTo(Actor.console("frank"));
        assertThat(ops.offers.find("INC-1")).isEmpty();
        assertThat(ops.core.audit.forItem("INC-1", 10)).extracting(e -> e.action()).contains("owner.handover.void");
    }

    @Test
    void takeIsForItemsNobodyOwns() {
        ops.ok("lead", "/service add search --team find --channel #search");
        assertThat(ops.run("bob", "/owner take payments").plainText())
                .contains("service payments is owned by @alice; ask them for /owner handover payments @bob.");
        ops.ok("bob", "/owner take search");
        assertThat(ops.services.find("search").orElseThrow().owner()).isEqualTo(BOB);
        assertThat(ops.run("bob", "/owner take search").plainText()).contains("You already own service search.");
    }

    @Test
    void theOwnerlessRoutineNamesEachOwnerlessItemInItsChannelOncePerRun() {
        ops.ok("lead", "/service add search --team find --channel #search");
        var run = ops.core.clock.instant();

        assertThat(ops.ownerless.sweep(run)).isEqualTo(1);
        assertThat(ops.ownerless.sweep(run)).as("a second instance running the same fire").isEqualTo(1);
        ops.core.outbox.deliverDue();
        assertThat(ops.postsTo("search")).extracting(Post::text).singleElement().asString()
                .contains("Nobody owns service search");
        assertThat(ops.postsTo("search").get(0).message().buttons().get(0).command())
                .isEqualTo("/owner take search");

        ops.ok("bob", "/owner take search");
        assertThat(ops.ownerless.sweep(run.plus(Duration.ofHours(1)))).isZero();
        assertThat(ops.ownerless.routine().cron()).isEqualTo("0 0 * * * ?");
    }

    @Test
    void theDigestListsPendingHandovers() {
        ops.ok("alice", "/owner handover payments @bob");
        ops.core.clock.advance(Duration.ofMinutes(45));
        var lines = new PendingHandovers(ops.offers).lines(ops.core.clock.instant(), ZoneId.of("UTC"));
        assertThat(lines).extracting(Inline::plain)
                .containsExactly("service payments: @alice → @bob, waiting 45m");
    }

    @Test
    void theReminderAndTheLapseOfAnOfferListAsTwoDifferentFollowUps() {
        ops.ok("alice", "/owner handover payments @bob");
        assertThat(ops.due.followUps(null, 10)).extracting(i -> Inline.plain(i.data().get(DueItem.LABEL)))
                .containsExactly("Answer the handover of service payments from @alice",
                        "The handover of service payments from @alice lapses if still unanswered");
    }
}
