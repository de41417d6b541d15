package dev.opsbot.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StaleRemindersTest {

    private final ClockedCore bot = new ClockedCore();

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void anIncidentNobodyPicksUpIsRemindedAfterItsQuietPeriodAndAgainAfterTheNext() {
        bot.run("alice", "/incident declare sev2 db latency");

        bot.tick(Duration.ofMinutes(29));
        assertThat(bot.inOps()).isEmpty();

        bot.tick(Duration.ofMinutes(1));
        assertThat(bot.opsTexts()).singleElement().satisfies(text -> assertThat(text)
                .contains("Reminder: INC-1 · sev2 · db latency")
                .contains("@alice: nobody has acknowledged INC-1 and it has had no update for 30m."));
        assertThat(bot.inOps().get(0).message().buttons()).extracting(b -> b.command())
                .containsExactly("/incident ack INC-1", "/followup snooze FU-1 1h");

        bot.tick();
        bot.tick(Duration.ofMinutes(29));
        assertThat(bot.inOps()).hasSize(1);
        bot.tick(Duration.ofMinutes(1));
        assertThat(bot.inOps()).hasSize(2);
        assertThat(bot.opsTexts().get(1)).contains("no update for 1h");
    }

    @Test
    void eachSeverityHasItsOwnQuietPeriod() {
        bot.run("alice", "/incident declare sev1 checkout down");
        bot.run("alice", "/incident declare sev3 slow reports");

        bot.tick(Duration.ofMinutes(15));
        assertThat(bot.opsTexts()).singleElement().asString().contains("INC-1");
        bot.tick(Duration.ofMinutes(105));
        assertThat(bot.opsTexts()).anySatisfy(t -> assertThat(t).contains("Reminder: INC-2 · sev3"));
    }

    @Test
    void anUpdateStartsTheQuietPeriodAgain() {
        bot.run("alice", "/incident declare sev2 db latency");
        bot.tick(Duration.ofMinutes(20));
        bot.run("bob", "/incident update INC-1 looking at replica lag");

        bot.tick(Duration.ofMinutes(29));
        assertThat(bot.inOps()).isEmpty();
        bot.tick(Duration.ofMinutes(1));
        assertThat(bot.opsTexts()).singleElement().asString().contains("no update for 30m");
    }

    @Test
    void aReminderNeverFiresAfterTheIncidentIsAcknowledged() {
        bot.run("alice", "/incident declare sev2 db latency");
        bot.tick(Duration.ofMinutes(10));
        bot.run("bob", "/incident ack INC-1");

        bot.tick(Duration.ofHours(3));
        bot.tick(Duration.ofDays(2));

        assertThat(bot.inOps()).isEmpty();
        assertThat(bot.due.pending("INC-1", 10)).noneMatch(i -> i.kind().equals(IncidentFollowUps.STALE));
    }

    @Test
    void aReminderNeverFiresAfterResolveOrMitigate() {
        bot.run("alice", "/incident declare sev2 db latency");
        bot.run("alice", "/incident declare sev2 cache misses");
        bot.run("bob", "/incident mitigate INC-1");
        bot.run("bob", "/incident resolve INC-2 flushed");

        bot.tick(Duration.ofHours(3));

        assertThat(bot.opsTexts()).noneMatch(t -> t.contains("Reminder:"));
    }

    @Test
    void theIncidentIsCheckedAgainWhenTheReminderFires() {
        bot.run("alice", "/incident declare sev2 db latency");
        // Acknowledged through another instance: this one's listener never heard of it.
        bot.core.incidents.update("INC-1", i -> i.acknowledge(Actor.console("bob"), bot.clock().instant()));

        bot.tick(Duration.ofMinutes(30));

        assertThat(bot.inOps()).isEmpty();
        assertThat(bot.due.find(IncidentFollowUps.staleId("INC-1"))).isEmpty();
    }

    @Test
    void anUpdateSeenOnlyByAnotherInstanceMovesTheReminderInsteadOfFiringIt() {
        bot.run("alice", "/incident declare sev2 db latency");
        bot.tick(Duration.ofMinutes(20));
        bot.core.incidents.update("INC-1", i -> i.note(Actor.console("bob"), "still digging", bot.clock().instant()));

        bot.tick(Duration.ofMinutes(10));
        assertThat(bot.inOps()).isEmpty();
        bot.tick(Duration.ofMinutes(20));
        assertThat(bot.inOps()).hasSize(1);
    }

    @Test
    void aSnoozeToSoonerThanTheQuietPeriodStillReminds() {
        // A clock finer than the database's milliseconds, as the system clock is.
        bot.at(java.time.Instant.parse("2026-11-27T14:00:00.123456789Z"));
        bot.run("alice", "/incident declare sev1 checkout down");
        bot.run("alice", "/followup snooze FU-1 1m");

        bot.tick(Duration.ofMinutes(1));

        assertThat(bot.opsTexts()).singleElement().asString().contains("no update for 1m");
        assertThat(bot.due.find(IncidentFollowUps.staleId("INC-1")).orElseThrow().dueAt())
                .isEqualTo(bot.clock().instant().plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void reopeningAnUnacknowledgedIncidentStartsTheRemindersAgain() {
        bot.run("alice", "/incident declare sev2 db latency");
        bot.run("alice", "/incident resolve INC-1 false alarm");
        bot.tick(Duration.ofMinutes(40));
        bot.run("alice", "/incident reopen INC-1");

        bot.tick(Duration.ofMinutes(30));

        assertThat(bot.opsTexts()).singleElement().asString().contains("Reminder: INC-1");
    }
}
