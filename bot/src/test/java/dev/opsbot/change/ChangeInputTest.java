package dev.opsbot.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every bad request is one sentence and the usage, to the person who typed it, and nothing is written. */
class ChangeInputTest {

    private final ChangeFixture f = new ChangeFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private void refusedWithNothingWritten(String line, String sentence) {
        Reply r = f.refused("alice", line);
        assertThat(r.isPrivate()).isTrue();
        assertThat(r.text()).isEqualTo(sentence);
        assertThat(r.footer()).startsWith("Usage: /change request");
        assertThat(f.changeCount()).isZero();
        assertThat(f.core.audit.forItem("CHG-1", 5)).isEmpty();
        assertThat(f.due.pending(null, 5)).isEmpty();
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsWritten() {
        refusedWithNothingWritten("/change request x --asset db-01 --start 2026-13-01T22:00 --end +2h",
                "“2026-13-01T22:00” is not a time I can read for --start; write 2026-12-01T22:00, "
                        + "\"tomorrow 22:00\" (in quotes) or +2h.");
        refusedWithNothingWritten("/change request x --asset db-01 --start +3h --end +2h",
                "The window ends (16:00 UTC) before it starts (17:00 UTC).");
        refusedWithNothingWritten("/change request x --asset db-01 --start +2h --end +2h",
                "The window ends (16:00 UTC) before it starts (16:00 UTC).");
        refusedWithNothingWritten("/change request x --asset db-01 --start 2026-11-20T10:00 --end +2h",
                "The window starts in the past (Fri 20 Nov 10:00 UTC); start it now or later.");
        refusedWithNothingWritten("/change request x --asset db-99 --start +1h --end +2h",
                "There is no asset “db-99”; /asset list shows them.");
        refusedWithNothingWritten("/change request x --asset db-01,db-99 --start +1h --end +2h",
                "There is no asset “db-99”; /asset list shows them.");
        refusedWithNothingWritten("/change request x --asset db-01 --start tomorrow --end +2h",
                "--start tomorrow needs a time of day: write --start \"tomorrow 22:00\" in quotes.");
        refusedWithNothingWritten("/change request x --asset db-01 --start +1h --end +2h --type emergency",
                "An emergency change must name the incident it fixes: add --incident INC-n.");
        refusedWithNothingWritten("/change request x --asset db-01 --start +1h --end +2h --incident INC-9",
                "There is no incident INC-9.");
        refusedWithNothingWritten("/change request x --asset db-01 --start +1h --end +2h --type standard",
                "A standard change comes from a template: add --template <name> (/change template list shows them).");
        refusedWithNothingWritten("/change request x --asset db-01 --start +1h --end +2h --template nope",
                "There is no template “nope”; /change template list shows them.");
        refusedWithNothingWritten("/change request --asset db-01 --start +1h --end +2h",
                "Say what the change does, e.g. /change request upgrade postgres --asset db-01 …");
    }

    @Test
    void startingOutsideTheWindowOrApprovingTwiceIsRefusedAndChangesNothing() {
        f.ok("alice", "/change request patch --asset cache-01 --start +2h --end +3h --risk low");
        f.ok("bob", "/change approve CHG-1");
        Reply early = f.refused("alice", "/change start CHG-1");
        assertThat(early.text()).isEqualTo("CHG-1's window opens at 16:00 UTC; start it then.");
        assertThat(early.footer()).isEqualTo("Usage: /change start <CHG-N>");
        assertThat(f.refused("bob", "/change approve CHG-1").text()).isEqualTo("You already approved CHG-1.");
        f.advance(java.time.Duration.ofHours(3));
        assertThat(f.refused("alice", "/change start CHG-1").text())
                .isEqualTo("CHG-1's window closed at 17:00 UTC; request a new window for it.");
        ChangeRequest stored = f.changes.find("CHG-1").orElseThrow();
        assertThat(stored.state()).isEqualTo(ChangeState.APPROVED);
        assertThat(stored.approvals()).hasSize(1);
        assertThat(f.refused("alice", "/change done CHG-1 success").text())
                .isEqualTo("CHG-1 is approved, so you cannot finish it.");
        assertThat(f.refused("alice", "/change show CHG-77").text()).isEqualTo("There is no change CHG-77.");
    }

    @Test
    void userTextIsEchoedAsTypedNeverAsMarkup() {
        Reply r = f.ok("alice", "/change request \"<!channel> @here upgrade\" --asset cache-01 --start +1h --end +2h");
        assertThat(r.title()).contains("<!channel> @here upgrade").doesNotContain(dev.opsbot.chat.Inline.here());
    }
}
