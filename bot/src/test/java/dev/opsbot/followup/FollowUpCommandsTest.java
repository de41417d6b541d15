package dev.opsbot.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import dev.opsbot.schedule.DueItem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FollowUpCommandsTest {

    private final ClockedCore bot = new ClockedCore();

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void listShowsEveryFollowUpWithItsRefOwnerAndTime() {
        bot.run("alice", "/incident declare sev2 db latency");
        bot.due.schedule(new DueItem("handover:INC-9:remind", "handover", "INC-9", bot.clock().instant().plusSeconds(600),
                Map.of(DueItem.LABEL, "Answer the handover of INC-9", DueItem.OWNER, "console:bob")));

        Reply list = bot.run("carol", "/followup list");

        assertThat(list.isPrivate()).isTrue();
        assertThat(list.plainText())
                .contains("2 follow-ups")
                .contains("FU-2 · Answer the handover of INC-9 · @bob · next 14:10 UTC (in 10m)")
                .contains("FU-1 · INC-1 · sev2 · db latency: not acknowledged, no recent update · @alice · "
                        + "next 14:30 UTC (in 30m)");
        assertThat(list.rows().get(0)).contains("FU-2");
    }

    @Test
    void mineShowsOnlyWhatWaitsOnMe() {
        bot.run("alice", "/incident declare sev2 db latency");

        assertThat(bot.run("alice", "/followup list --mine").plainText()).contains("1 follow-up waiting on you", "FU-1");
        assertThat(bot.run("bob", "/followup list --mine").plainText()).isEqualTo("No follow-ups are waiting on you.");
    }

    @Test
    void snoozePutsTheReminderOffAndSaysUntilWhen() {
        bot.run("alice", "/incident declare sev2 db latency");

        Reply snoozed = bot.run("alice", "/followup snooze FU-1 2h");

        assertThat(snoozed.isPrivate()).isFalse();
        assertThat(snoozed.plainText()).contains("FU-1 snoozed until 16:00 UTC", "Snoozed by @alice.");
        bot.tick(Duration.ofMinutes(119));
        assertThat(bot.inOps()).isEmpty();
        bot.tick(Duration.ofMinutes(1));
        assertThat(bot.opsTexts()).singleElement().asString().contains("Reminder: INC-1");
        assertThat(bot.core.audit.forItem("FU-1", 5)).extracting(e -> e.action()).containsExactly("followup.snooze");
    }

    @Test
    void doneEndsTheRemindersAndIsAudited() {
        bot.run("alice", "/incident declare sev2 db latency");

        Reply done = bot.run("alice", "/followup done FU-1");

        assertThat(done.plainText()).contains("FU-1 done", "Marked done by @alice");
        bot.tick(Duration.ofHours(2));
        assertThat(bot.inOps()).isEmpty();
        assertThat(bot.run("alice", "/followup list").plainText()).isEqualTo("No follow-ups are pending.");
        assertThat(bot.core.audit.forItem("FU-1", 5)).extracting(e -> e.action()).containsExactly("followup.done");
    }

    @Test
    void aFollowUpThatEndsByItselfCannotBeMarkedDone() {
        bot.due.schedule(new DueItem("handover:INC-9:remind", "handover", "INC-9", bot.clock().instant().plusSeconds(60),
                Map.of(DueItem.LABEL, "Answer the handover of INC-9", DueItem.OWNER, "console:bob",
                        DueItem.ENDS_WHEN, "the handover is accepted or declined")));

        Reply refused = bot.run("bob", "/followup done FU-1");

        assertThat(refused.isPrivate()).isTrue();
        assertThat(refused.plainText()).isEqualTo("FU-1 ends by itself once the handover is accepted or declined.");
        assertThat(bot.due.find("handover:INC-9:remind")).isPresent();
    }

    @Test
    void badInputGetsOneSentenceAndTheUsageOnlyForWhoeverTypedIt() {
        bot.run("alice", "/incident declare sev2 db latency");

        Reply unknown = bot.run("bob", "/followup done FU-99");
        Reply notAnId = bot.run("bob", "/followup snooze INC-1 1h");
        Reply badSpan = bot.run("bob", "/followup snooze FU-1 soon");
        Reply tooLong = bot.run("bob", "/followup snooze FU-1 31d");

        assertThat(unknown.plainText()).isEqualTo(
                "There is no pending follow-up FU-99; /followup list shows them.\nUsage: /followup done <FU-N>");
        assertThat(notAnId.plainText()).startsWith("“INC-1” is not an id like FU-42.")
                .endsWith("Usage: /followup snooze <FU-N> <duration>");
        assertThat(badSpan.plainText()).startsWith("“soon” is not a duration");
        assertThat(tooLong.plainText()).startsWith("A follow-up can be snoozed for 30 days at most.");
        assertThat(java.util.List.of(unknown, notAnId, badSpan, tooLong)).allMatch(Reply::isPrivate);
        assertThat(bot.due.find(IncidentFollowUps.staleId("INC-1")).orElseThrow().dueAt())
                .isEqualTo(bot.clock().instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void userTextInALabelCannotForgeAMention() {
        bot.run("alice", "/incident declare sev2 \u0001h:\u0002 everyone look");

        String row = bot.run("alice", "/followup list").rows().get(0);

        assertThat(row).doesNotContain("\u0001h:");
    }

    @Test
    void onlyWhoeverTheFollowUpWaitsOnOrTheItemsOwnerMaySnoozeOrFinishIt() {
        bot.run("alice", "/incident declare sev2 db latency");
        bot.run("alice", "/incident assign INC-1 @carol");
        bot.due.schedule(new DueItem("handover:INC-1:remind", "handover", "INC-1", bot.clock().instant().plusSeconds(600),
                Map.of(DueItem.LABEL, "Answer the handover of INC-1", DueItem.OWNER, "console:bob")));

        Reply bySomeoneElse = bot.run("dave", "/followup snooze FU-2 2h");
        Reply doneBySomeoneElse = bot.run("dave", "/followup done FU-2");

        assertThat(bySomeoneElse.isPrivate()).isTrue();
        assertThat(bySomeoneElse.plainText())
                .isEqualTo("Only @bob (whom it waits on) or @carol (who owns INC-1) can snooze FU-2.");
        assertThat(doneBySomeoneElse.plainText()).startsWith("Only @bob");
        assertThat(bot.due.find("handover:INC-1:remind").orElseThrow().dueAt())
                .isEqualTo(bot.clock().instant().plusSeconds(600));
        assertThat(bot.run("bob", "/followup snooze FU-2 1h").isPrivate()).as("whom it waits on").isFalse();
        assertThat(bot.run("carol", "/followup snooze FU-2 2h").isPrivate()).as("the item's owner").isFalse();
        assertThat(bot.core.audit.forItem("FU-2", 5)).hasSize(2);
    }
}
