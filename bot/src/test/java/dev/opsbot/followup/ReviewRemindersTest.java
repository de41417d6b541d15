package dev.opsbot.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewRemindersTest {

    private final ClockedCore bot = new ClockedCore();

    @BeforeEach
    void resolvedIncident() {
        bot.run("alice", "/incident declare sev2 db latency");
        bot.run("bob", "/incident ack INC-1");
        bot.run("bob", "/incident resolve INC-1 failed over");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private long reviewReminders() {
        return bot.opsTexts().stream().filter(t -> t.startsWith("Post-incident review due")).count();
    }

    @Test
    void theOwnerIsRemindedTwoDaysAfterResolvingAndDailyUntilDone() {
        bot.tick(Duration.ofDays(2).minusMinutes(1));
        assertThat(reviewReminders()).isZero();

        bot.tick(Duration.ofMinutes(1));
        assertThat(reviewReminders()).isEqualTo(1);
        assertThat(bot.opsTexts().get(0)).contains("@bob: INC-1 was resolved Fri 27 Nov 14:00 UTC; its review is due.");
        String ref = bot.due.find(IncidentFollowUps.reviewId("INC-1")).orElseThrow().ref();
        assertThat(bot.inOps().get(0).message().buttons()).extracting(b -> b.command())
                .containsExactly("/followup done " + ref, "/followup snooze " + ref + " 1d");

        bot.tick(Duration.ofDays(1));
        assertThat(reviewReminders()).isEqualTo(2);

        bot.run("bob", "/followup done " + ref);
        bot.tick(Duration.ofDays(3));
        assertThat(reviewReminders()).isEqualTo(2);
    }

    @Test
    void reopeningOrClosingTheIncidentEndsTheReview() {
        bot.run("alice", "/incident close INC-1");
        assertThat(bot.due.find(IncidentFollowUps.reviewId("INC-1"))).isEmpty();

        bot.tick(Duration.ofDays(5));
        assertThat(reviewReminders()).isZero();
    }

    @Test
    void aReviewIsNotRemindedForAnIncidentClosedThroughAnotherInstance() {
        bot.core.incidents.update("INC-1", i -> i.close(Actor.console("carol"), bot.clock().instant()));

        bot.tick(Duration.ofDays(2));

        assertThat(reviewReminders()).isZero();
        assertThat(bot.due.find(IncidentFollowUps.reviewId("INC-1"))).isEmpty();
    }

    @Test
    void reassigningAResolvedIncidentHandsTheReviewToTheNewOwner() {
        bot.run("bob", "/incident assign INC-1 @carol");

        assertThat(bot.due.find(IncidentFollowUps.reviewId("INC-1")).orElseThrow().data())
                .containsEntry("owner", "console:carol");
        bot.tick(Duration.ofDays(2));
        assertThat(bot.opsTexts()).anySatisfy(t -> assertThat(t).contains("@carol: INC-1 was resolved"));
    }
}
