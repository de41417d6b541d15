package dev.opsbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.followup.ClockedCore;
import dev.opsbot.store.MongoStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DigestTest {

    /** A section with fixed lines, or one that fails when read. */
    private record Fixed(int order, String title, List<String> lines) implements DigestSection {
        @Override
        public List<String> lines(Instant now, ZoneId zone) {
            if (lines == null) {
                throw new IllegalStateException(title + " store down");
            }
            return lines;
        }
    }

    private ClockedCore bot = new ClockedCore(MongoStore.inMemory(), ZoneId.of("UTC"), List.of(
            new Fixed(30, "Pending handovers", List.of("INC-7 from @dan to @erin")),
            new Fixed(50, "On call now", null)));

    @AfterEach
    void stop() {
        bot.close();
    }

    private List<String> digestsInOps() {
        return bot.opsTexts().stream().filter(t -> t.startsWith("Digest")).toList();
    }

    @Test
    void theDigestJoinsEverySectionInOrderAndSurvivesABrokenOne() {
        bot.run("alice", "/incident declare sev1 checkout down");
        bot.run("alice", "/incident declare sev2 db latency");
        bot.run("alice", "/incident declare sev2 cache misses");
        bot.run("bob", "/incident ack INC-2");
        bot.run("bob", "/incident resolve INC-3 flushed");
        bot.tick(Duration.ofDays(2));

        Reply preview = bot.run("carol", "/digest preview");

        assertThat(preview.isPrivate()).isTrue();
        assertThat(preview.title()).isEqualTo("Digest · Sun 29 Nov");
        assertThat(preview.rows()).extracting(Inline::plain).containsSubsequence(
                "Open incidents",
                "2 open: 1 sev1 · 1 sev2",
                "Not acknowledged",
                "INC-1 · sev1 · checkout down · declared 2d ago by @alice",
                "Pending handovers",
                "INC-7 from @dan to @erin",
                "Overdue follow-ups",
                "On call now",
                "(could not be read this time)");
        // Titles stand out as strong rows; lines carry no bullet of their own, as platforms add theirs.
        assertThat(preview.rows()).containsSubsequence(Inline.strong("Pending handovers"), "INC-7 from @dan to @erin",
                Inline.strong("On call now"), "(could not be read this time)");
        assertThat(preview.rows()).noneMatch(row -> row.startsWith("•"));
        String text = preview.plainText();
        assertThat(text).doesNotContain("INC-2 · sev2 · db latency · declared");
        assertThat(text).contains("FU-4 · Post-incident review of INC-3 · cache misses · @alice · overdue for 0s");
        assertThat(text).contains("INC-1 · sev1 · checkout down: not acknowledged, no recent update · @alice · overdue");
        assertThat(preview.footer()).isEqualTo("This channel has no digest; /digest subscribe sets one up.");
    }

    @Test
    void aSubscribedChannelGetsItsDigestOnScheduleAndNotTwice() {
        Reply subscribed = bot.run("alice", "/digest subscribe #ops daily 09:00");
        assertThat(subscribed.isPrivate()).isFalse();
        assertThat(subscribed.plainText()).contains("#ops gets a digest daily at 09:00 UTC.", "Next: Sat 28 Nov 09:00 UTC");

        bot.at(Instant.parse("2026-11-28T08:59:00Z"));
        bot.tick();
        assertThat(digestsInOps()).isEmpty();

        bot.tick(Duration.ofMinutes(1));
        bot.tick();
        assertThat(digestsInOps()).singleElement().asString().startsWith("Digest · Sat 28 Nov").contains("None open.");

        bot.at(Instant.parse("2026-11-29T09:00:00Z"));
        bot.tick();
        assertThat(digestsInOps()).hasSize(2);
    }

    @Test
    void weekdayDigestsSkipTheWeekendInTheirOwnZone() {
        bot.run("alice", "/digest subscribe #ops weekdays 09:00 --tz America/New_York");

        bot.at(Instant.parse("2026-11-30T13:59:00Z"));
        bot.tick();
        assertThat(digestsInOps()).isEmpty();
        bot.tick(Duration.ofMinutes(1));
        assertThat(digestsInOps()).hasSize(1);
    }

    @Test
    void postsMissedWhileTheBotWasDownGoOutOnceNotOncePerDay() {
        bot.run("alice", "/digest subscribe #ops daily 09:00");

        bot.at(Instant.parse("2026-12-02T11:00:00Z"));
        bot.tick();
        bot.tick();

        assertThat(digestsInOps()).hasSize(1);
        assertThat(bot.due.find("digest:console:ops").orElseThrow().dueAt()).isEqualTo("2026-12-03T09:00:00Z");
    }

    @Test
    void subscribingAgainMovesTheScheduleAndUnsubscribingStopsIt() {
        bot.run("alice", "/digest subscribe #ops daily 09:00");
        bot.clock().advance(Duration.ofMinutes(1));
        Reply moved = bot.run("alice", "/digest subscribe #ops weekly 10:30");
        assertThat(moved.plainText()).contains("on Mondays at 10:30 UTC (was daily at 09:00 UTC)");
        assertThat(bot.run("bob", "/digest list").plainText()).contains("#ops · on Mondays at 10:30 UTC · set by @alice");

        bot.clock().advance(Duration.ofMinutes(1));
        Reply stopped = bot.run("bob", "/digest unsubscribe #ops");
        assertThat(stopped.plainText()).contains("#ops no longer gets a digest");
        bot.tick(Duration.ofDays(14));
        assertThat(digestsInOps()).isEmpty();
        assertThat(bot.core.audit.forItem("digest:console:ops", 5)).extracting(e -> e.action())
                .containsExactly("digest.unsubscribe", "digest.subscribe", "digest.subscribe");
    }

    @Test
    void badInputIsRefusedWithTheUsageAndNothingIsStored() {
        Reply badTime = bot.run("alice", "/digest subscribe #ops daily 25:00");
        Reply badCadence = bot.run("alice", "/digest subscribe #ops hourly 09:00");
        Reply badZone = bot.run("alice", "/digest subscribe #ops daily 09:00 --tz Mars/Olympus");
        Reply notSubscribed = bot.run("alice", "/digest unsubscribe #ops");

        assertThat(badTime.plainText()).isEqualTo("“25:00” is not a time of day; write it like 09:00 or 17:30.\n"
                + "Usage: /digest subscribe <#channel> <daily|weekdays|weekly> <time> [--tz <zone>]");
        assertThat(badCadence.plainText()).startsWith("“hourly” is not a valid cadence");
        assertThat(badZone.plainText()).startsWith("“Mars/Olympus” is not a time zone");
        assertThat(notSubscribed.plainText()).isEqualTo("#ops has no digest; /digest list shows which channels do.");
        assertThat(List.of(badTime, badCadence, badZone, notSubscribed)).allMatch(Reply::isPrivate);
        assertThat(bot.subscriptions.all()).isEmpty();
        assertThat(bot.due.pending(null, 10)).isEmpty();
    }

    @Test
    void aSubscriptionWhoseNextPostWentMissingIsResumedAtStart() {
        bot.run("alice", "/digest subscribe #ops daily 09:00");
        bot.due.cancel("digest:console:ops");

        assertThat(bot.digests.resume(bot.clock().instant())).isEqualTo(1);
        assertThat(bot.digests.resume(bot.clock().instant())).isZero();
        bot.at(Instant.parse("2026-11-28T09:00:00Z"));
        bot.tick();
        assertThat(digestsInOps()).hasSize(1);
    }

    @Test
    void aSubscriptionKeepsPostingAcrossARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        bot.close();
        try (ClockedCore first = new ClockedCore(MongoStore.embedded(data), ZoneId.of("UTC"), List.of())) {
            first.run("alice", "/digest subscribe #ops daily 09:00");
        }
        bot = new ClockedCore(MongoStore.embedded(data), ZoneId.of("UTC"), List.of());
        bot.at(Instant.parse("2026-11-28T09:00:00Z"));
        bot.tick();
        bot.tick();
        assertThat(digestsInOps()).hasSize(1);
    }

    @Test
    void aTimeOfDayIsOneWordSoAnExtraWordIsNamedAsUnexpectedAndNothingIsSubscribed() {
        Reply refused = bot.run("alice", "/digest subscribe #ops daily 09:00 extra");
        assertThat(refused.plainText()).contains("I did not expect “extra” there.")
                .contains("Usage: /digest subscribe").doesNotContain("is not a time of day");
        assertThat(bot.run("alice", "/digest subscribe #ops daily 9.00").plainText())
                .contains("“9.00” is not a time of day");
        assertThat(bot.run("bob", "/digest list").plainText()).contains("No channel gets a digest yet");
    }
}
