package dev.opsbot.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.schedule.DueItem;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.RecordingPoster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clock's part: the window opening, a change overrunning its window, the emergency review; on a clock moved by hand. */
class ChangeRemindersTest {

    @TempDir
    Path data;

    private static List<String> texts(List<RecordingPoster.Post> posts) {
        return posts.stream().map(RecordingPoster.Post::text).toList();
    }

    @Test
    void theRequesterIsToldWhenTheWindowOpensAndAnOverrunPingsThemThenTheServiceChannelUntilDone() {
        try (ChangeFixture f = new ChangeFixture()) {
            f.ok("lead", "/service add payments --team core --channel #payments --owner @carol");
            f.ok("alice", "/change request upgrade postgres --asset db-01 --start +2h --end +3h --risk low");
            f.ok("bob", "/change approve CHG-1");
            int before = f.postsTo("ops").size();

            f.advance(Duration.ofMinutes(119));
            assertThat(f.postsTo("ops")).hasSize(before);
            f.advance(Duration.ofMinutes(1));
            assertThat(texts(f.postsTo("ops"))).hasSize(before + 1).last().asString()
                    .contains("@alice: the window of CHG-1 is open until 17:00 UTC.");
            assertThat(f.postsTo("ops").get(before).message().buttons()).extracting(b -> b.command())
                    .containsExactly("/change start CHG-1");

            f.ok("alice", "/change start CHG-1");
            int inPayments = f.postsTo("payments").size();
            f.advance(Duration.ofHours(1));
            assertThat(texts(f.postsTo("ops"))).last().asString()
                    .contains("@alice: CHG-1 is still in progress", "after its window closed at 17:00 UTC");
            assertThat(f.postsTo("payments")).hasSize(inPayments);
            f.advance(Duration.ofMinutes(15));
            assertThat(texts(f.postsTo("payments"))).hasSize(inPayments + 1).last().asString()
                    .contains("@alice: CHG-1 is still in progress 15m after its window closed");
            f.advance(Duration.ofMinutes(30));
            assertThat(f.postsTo("payments")).hasSize(inPayments + 2);

            f.ok("alice", "/change done CHG-1 rolled-back replica lag");
            int after = f.postsTo("payments").size();
            int opsAfter = f.postsTo("ops").size();
            assertThat(f.advance(Duration.ofHours(6))).isZero();
            assertThat(f.postsTo("payments")).hasSize(after);
            assertThat(f.postsTo("ops")).hasSize(opsAfter);
            assertThat(f.due.pending("CHG-1", 10)).isEmpty();
        }
    }

    @Test
    void aWindowReminderArmedBeforeARestartFiresOnceAfterIt() {
        try (ChangeFixture f = new ChangeFixture(MongoStore.embedded(data))) {
            f.ok("alice", "/change request flush cache --asset cache-01 --start +1h --end +2h --risk low");
            f.ok("bob", "/change approve CHG-1");
            assertThat(f.advance(Duration.ofMinutes(30))).isZero();
        }
        try (ChangeFixture again = new ChangeFixture(MongoStore.embedded(data))) {
            again.advance(Duration.ofMinutes(61));
            assertThat(texts(again.postsTo("ops"))).filteredOn(t -> t.contains("window of CHG-1 is open"))
                    .hasSize(1);
            again.advance(Duration.ofMinutes(5));
            assertThat(texts(again.postsTo("ops"))).filteredOn(t -> t.contains("window of CHG-1 is open"))
                    .hasSize(1);
        }
        try (ChangeFixture third = new ChangeFixture(MongoStore.embedded(data))) {
            third.advance(Duration.ofMinutes(70));
            assertThat(texts(third.postsTo("ops"))).noneMatch(t -> t.contains("window of CHG-1 is open"));
        }
    }

    @Test
    void pendingApprovalsAreRemindedInTheServiceChannelUntilApproved() {
        try (ChangeFixture f = new ChangeFixture()) {
            f.ok("lead", "/service add payments --team core --channel #payments --owner @carol");
            f.ok("alice", "/change request upgrade postgres --asset db-01 --start +12h --end +13h --risk low");
            f.advance(Duration.ofHours(4));
            assertThat(texts(f.postsTo("payments"))).last().asString()
                    .contains("Approval pending: CHG-1", "still waits for approval");
            int reminded = f.postsTo("payments").size();
            f.ok("bob", "/change approve CHG-1");
            f.advance(Duration.ofHours(4));
            assertThat(texts(f.postsTo("payments")).subList(reminded, f.postsTo("payments").size()))
                    .noneMatch(t -> t.contains("Approval pending"));
        }
    }

    @Test
    void anEmergencyChangeGetsAReviewFollowUpTwoDaysAfterItEnds() {
        try (ChangeFixture f = new ChangeFixture()) {
            f.ok("dave", "/incident declare sev1 \"cache poisoned\"");
            f.ok("alice", "/change request flush cache --asset cache-01 --type emergency --incident INC-1 "
                    + "--start now --end +1h");
            f.ok("bob", "/change approve CHG-1");
            f.ok("alice", "/change start CHG-1");
            f.ok("alice", "/change done CHG-1 success");
            assertThat(f.due.followUps(null, 10)).singleElement().satisfies(item -> {
                assertThat(item.data().get(DueItem.LABEL)).contains("Review emergency change CHG-1");
                assertThat(item.dueAt()).isEqualTo(f.now().plus(Duration.ofHours(48)));
            });
            f.advance(Duration.ofHours(47));
            assertThat(texts(f.postsTo("ops"))).noneMatch(t -> t.contains("Review due"));
            f.advance(Duration.ofHours(1));
            assertThat(texts(f.postsTo("ops"))).filteredOn(t -> t.contains("Review due: CHG-1")).hasSize(1);
        }
    }
}
