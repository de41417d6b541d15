package dev.opsbot.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Reply;
import dev.opsbot.testing.RecordingPoster.Post;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandoverWithdrawTest extends PaymentsOwnedByAlice {

    private static boolean refused(Reply reply) {
        return reply.isPrivate() && reply.tone() == Reply.Tone.WARNING;
    }

    private List<String> announced() {
        return ops.core.console.posts().stream().map(Post::text).toList();
    }

    @Test
    void theOffererWithdrawsTheOfferedPersonIsToldAndANewOfferCanBeMade() {
        ops.ok("alice", "/owner handover payments @bob");

        Reply withdrawn = ops.ok("alice", "/owner withdraw payments");

        assertThat(withdrawn.isPrivate()).isTrue();
        assertThat(withdrawn.plainText()).contains("The offer to @bob is withdrawn");
        assertThat(ops.offers.find("payments")).isEmpty();
        assertThat(ops.due.pending("payments", 10)).isEmpty();
        assertThat(ops.services.find("payments").orElseThrow().owner()).isEqualTo(ALICE);
        assertThat(ops.postsTo("ops")).extracting(Post::text).singleElement().asString()
                .contains("@bob, @alice withdrew the handover of service payments; nothing waits for your answer");
        assertThat(ops.core.audit.forItem("payments", 10)).extracting(e -> e.action())
                .contains("owner.handover.withdraw");
        assertThat(ops.run("bob", "/owner accept payments").plainText())
                .contains("No handover of payments is waiting for an answer.");

        ops.ok("alice", "/owner handover payments @carol");
        assertThat(ops.offers.find("payments").orElseThrow().to()).isEqualTo(Actor.console("carol"));
    }

    @Test
    void theCurrentOwnerMayWithdrawAnOfferMadeBeforeTheIncidentChangedHands() {
        ops.ok("dave", "/incident declare sev2 \"slow refunds\" --service payments");
        ops.ok("dave", "/owner handover INC-1 @erin");
        // Changed by a path that tells no listener (/incident assign ends the offer itself), so the offer stays.
        ops.core.incidents.update("INC-1", i -> i.assign(Actor.console("lead"), Actor.console("frank"),
                ops.core.clock.instant()));

        ops.ok("frank", "/owner withdraw inc-1");

        assertThat(ops.offers.find("INC-1")).isEmpty();
        assertThat(ops.postsTo("ops")).extracting(Post::text)
                .anySatisfy(t -> assertThat(t).contains("@erin, @frank withdrew the handover of INC-1 · sev2 · "
                        + "slow refunds that @dave offered you"));
    }

    @Test
    void onlyTheOffererOrTheOwnerWithdrawsAndOnlyAPendingOffer() {
        assertThat(ops.run("alice", "/owner withdraw payments").plainText())
                .contains("No handover of service payments is pending, so there is nothing to withdraw.");
        assertThat(ops.run("alice", "/owner withdraw nope-nope").plainText())
                .contains("There is no incident or service “nope-nope”").contains("/owner withdraw");

        ops.ok("alice", "/owner handover payments @bob");
        for (String who : List.of("bob", "carol")) {
            assertThat(ops.run(who, "/owner withdraw payments").plainText())
                    .contains("Only @alice, who offered it, or the owner can withdraw the handover of service payments.");
        }
        assertThat(ops.offers.find("payments")).isPresent();
    }

    @Test
    void aWithdrawAfterTheAcceptIsRefusedAndChangesNothing() {
        ops.ok("alice", "/owner handover payments @bob");
        ops.ok("bob", "/owner accept payments");

        Reply late = ops.run("alice", "/owner withdraw payments");

        assertThat(refused(late)).isTrue();
        assertThat(late.plainText()).contains("No handover of service payments is pending");
        assertThat(ops.services.find("payments").orElseThrow().owner()).isEqualTo(BOB);
        assertThat(announced()).noneMatch(t -> t.contains("withdrew"));
        assertThat(ops.core.audit.forItem("payments", 10)).extracting(e -> e.action())
                .doesNotContain("owner.handover.withdraw");
    }

    @Test
    void theReminderAndTheLapseNeverFireAfterAWithdraw() {
        ops.ok("alice", "/owner handover payments @bob");
        ops.advance(Duration.ofMinutes(10));
        ops.ok("alice", "/owner withdraw payments");

        ops.advance(Duration.ofMinutes(30));
        ops.advance(Duration.ofHours(3));

        assertThat(announced()).hasSize(1).noneMatch(t -> t.contains("Handover waiting") || t.contains("unanswered"));
        assertThat(ops.core.audit.forItem("payments", 10)).extracting(e -> e.action())
                .doesNotContain("owner.handover.lapsed");
    }

    @Test
    void aRacingAcceptAndWithdrawHaveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String service = "svc" + round;
                ops.ok("lead", "/service add " + service + " --team core --channel #core --owner @alice");
                ops.ok("alice", "/owner handover " + service + " @bob");
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<Reply> accept = CompletableFuture.supplyAsync(
                        () -> raced(start, "bob", "/owner accept " + service), pool);
                CompletableFuture<Reply> withdraw = CompletableFuture.supplyAsync(
                        () -> raced(start, "alice", "/owner withdraw " + service), pool);
                boolean accepted = !refused(accept.get(10, TimeUnit.SECONDS));
                boolean withdrawn = !refused(withdraw.get(10, TimeUnit.SECONDS));

                assertThat(accepted).as("round %d: exactly one of accept and withdraw wins", round)
                        .isNotEqualTo(withdrawn);
                assertThat(ops.services.find(service).orElseThrow().owner()).isEqualTo(accepted ? BOB : ALICE);
                assertThat(ops.offers.find(service)).isEmpty();
                assertThat(ops.due.pending(service, 10)).isEmpty();
                assertThat(ops.core.audit.forItem(service, 10)).extracting(e -> e.action())
                        .filteredOn(a -> a.equals("owner.handover.accept") || a.equals("owner.handover.withdraw"))
                        .containsExactly(accepted ? "owner.handover.accept" : "owner.handover.withdraw");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Reply raced(CyclicBarrier start, String who, String line) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ops.run(who, line);
    }
}
