package dev.opsbot.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Show, list, calendar, the digest section, templates for standard changes and freezes. */
class ChangeViewsTest {

    private final ChangeFixture f = new ChangeFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void showTellsPlanBackoutApprovalsImpactAndTimeline() {
        f.ok("lead", "/service add payments --team core --channel #payments --owner @carol");
        f.ok("alice", "/change request upgrade postgres --asset db-01 --start +1h --end +2h --risk high "
                + "--plan \"upgrade replica, fail over\" --backout \"fail back\"");
        f.ok("bob", "/change approve CHG-1 backout tested");
        String shown = f.ok("erin", "/change show CHG-1").plainText();
        assertThat(shown).contains("Plan: upgrade replica, fail over", "Backout: fail back",
                "Approvals: 1 of 2; needs one more approval from an owner of payments, storefront (@carol)",
                "Service payments: owner @carol", "requested by @alice: normal, high risk",
                "approved by @bob: backout tested");
        assertThat(f.ok("erin", "/change impact CHG-1").plainText()).contains("Impact as of 14:00 UTC.",
                "Verdict: GO");
    }

    @Test
    void aWindowTodayShowsOnlyItsClockAndOneTomorrowItsDay() {
        f.ok("alice", "/change request soon --asset db-01 --start +1h --end +2h");
        f.ok("alice", "/change request later --asset cache-01 --start \"tomorrow 22:00\" --end \"tomorrow 23:00\"");
        List<String> rows = f.ok("bob", "/change list").rows().stream().map(dev.opsbot.chat.Inline::plain).toList();
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("CHG-1 requested · 15:00 UTC – 16:00 UTC · soon"));
        assertThat(rows).anySatisfy(r -> assertThat(r)
                .startsWith("CHG-2 requested · Sat 28 Nov 22:00 UTC – Sat 28 Nov 23:00 UTC · later"));
        assertThat(f.ok("bob", "/change show CHG-2").plainText()).contains("Window: Sat 28 Nov 22:00 UTC");

        f.advance(Duration.ofDays(1));
        assertThat(f.ok("bob", "/change show CHG-2").plainText()).contains("Window: 22:00 UTC – 23:00 UTC");
        assertThat(f.ok("bob", "/change show CHG-1").plainText())
                .contains("Window: Fri 27 Nov 15:00 UTC – Fri 27 Nov 16:00 UTC");
    }

    @Test
    void aChannelWithItsOwnZoneReadsWindowsInIt() {
        try (ChangeFixture berlin = new ChangeFixture()) {
            berlin.core.zones(channel -> ZoneId.of("Europe/Berlin"));
            berlin.ok("alice", "/change request soon --asset db-01 --start +1h --end +2h");
            assertThat(berlin.ok("bob", "/change show CHG-1").plainText()).contains("Window: 16:00 CET – 17:00 CET");
        }
    }

    @Test
    void listFiltersByMineStateAndService() {
        f.ok("alice", "/change request one --asset db-01 --start +1h --end +2h");
        f.ok("bob", "/change request two --asset cache-01 --start +3h --end +4h");
        f.ok("carol", "/change approve CHG-2");
        assertThat(f.ok("alice", "/change list --mine").rows()).singleElement().asString().contains("CHG-1");
        assertThat(f.ok("alice", "/change list --state approved").rows()).singleElement().asString()
                .contains("CHG-2");
        assertThat(f.ok("alice", "/change list --service payments").rows()).singleElement().asString()
                .contains("CHG-1");
        assertThat(f.ok("alice", "/change list").rows()).hasSize(2).first().asString().contains("CHG-2");
    }

    @Test
    void theCalendarGroupsWindowsByDayAndMarksFreezes() {
        f.ok("alice", "/change request one --asset db-01 --start \"tomorrow 22:00\" --end \"tomorrow 23:00\"");
        f.ok("lead", "/change freeze add weekend --from 2026-11-29T00:00 --to 2026-11-30T00:00 --service payments");
        Reply calendar = f.ok("alice", "/change calendar --days 3");
        assertThat(calendar.title()).isEqualTo("Change calendar, next 3 days (UTC)");
        assertThat(calendar.rows()).map(dev.opsbot.chat.Inline::plain).containsExactly(
                "Sat Nov 28", "  22:00–23:00 CHG-1 requested · one (db-01)",
                "Sun Nov 29", "  FROZEN: “weekend” (payments)");
        assertThat(f.refused("alice", "/change calendar --days 40").text()).isEqualTo("--days must be 1 to 31.");
    }

    @Test
    void aChannelWithItsOwnZoneReadsTheCalendarByItsOwnDays() {
        try (ChangeFixture tokyo = new ChangeFixture()) {
            tokyo.core.zones(channel -> ZoneId.of("Asia/Tokyo"));
            // typed in the team's zone (UTC): Sat 28 Nov 22:00 UTC is Sun 29 Nov 07:00 in Tokyo
            tokyo.ok("alice", "/change request one --asset db-01 --start \"tomorrow 22:00\" --end \"tomorrow 23:00\"");
            Reply calendar = tokyo.ok("alice", "/change calendar --days 3");
            assertThat(calendar.title()).endsWith("(Asia/Tokyo)");
            assertThat(calendar.rows()).map(dev.opsbot.chat.Inline::plain).containsExactly(
                    "Sun Nov 29", "  07:00–08:00 CHG-1 requested · one (db-01)");
        }
    }

    @Test
    void theDigestListsTodaysWindowsAndPendingApprovals() {
        f.ok("alice", "/change request today --asset db-01 --start +1h --end +2h --risk low");
        f.ok("alice", "/change request later --asset cache-01 --start +2d --end +50h --risk low");
        f.ok("bob", "/change approve CHG-2");
        assertThat(new ChangesToday(f.changes).lines(f.now(), ZoneId.of("UTC"))).map(dev.opsbot.chat.Inline::plain)
                .containsExactly("Today: CHG-1 requested · 15:00 UTC – 16:00 UTC · today (db-01)",
                        "Waiting for approval: CHG-1 · today by @alice");
    }

    @Test
    void aStandardChangeIsApprovedOnCreationButStillFreezeChecked() {
        f.ok("lead", "/change template add cert-rotation --plan \"rotate the TLS certificate\" --risk low");
        Reply standard = f.ok("alice", "/change request --template cert-rotation --asset pay-api --start +1h "
                + "--end +2h");
        assertThat(standard.plainText()).contains("CHG-1 · cert-rotation", "approved by template cert-rotation",
                "Type: standard, low risk");
        assertThat(standard.buttons()).isEmpty();
        f.advance(Duration.ofHours(1));
        f.ok("alice", "/change start CHG-1");

        f.ok("lead", "/change freeze add release --from +1d --to +2d");
        assertThat(f.refused("alice", "/change request --template cert-rotation --asset pay-api --start +25h "
                + "--end +26h").text()).startsWith("This window crosses the freeze “release”");
        assertThat(f.changeCount()).isEqualTo(1);
        assertThat(f.refused("alice", "/change request x --template cert-rotation --risk high --asset pay-api "
                + "--start +1h --end +2h").text())
                .isEqualTo("A standard change takes its risk from the template; leave out --risk.");
        f.ok("lead", "/change freeze remove release");
        assertThat(f.ok("lead", "/change freeze list").text()).isEqualTo("No freezes.");
    }
}
