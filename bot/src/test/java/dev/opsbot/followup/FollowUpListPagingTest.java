package dev.opsbot.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.schedule.DueItem;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /followup list says how many follow-ups there are and pages through them; it never drops any silently. */
class FollowUpListPagingTest {

    private final ClockedCore bot = new ClockedCore();

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void aLongListSaysWhichPartItShowsAndTheNextPageShowsTheRest() {
        for (int n = 1; n <= 60; n++) {
            bot.due.schedule(new DueItem("handover:INC-" + n + ":remind", "handover", "INC-" + n,
                    bot.clock().instant().plusSeconds(60L * n),
                    Map.of(DueItem.LABEL, "Answer the handover of INC-" + n, DueItem.OWNER, "console:bob")));
        }

        Reply first = bot.run("bob", "/followup list --mine");
        assertThat(first.title()).isEqualTo("Showing 1–25 of 60 follow-ups waiting on you");
        assertThat(first.rows()).hasSize(25);
        assertThat(Inline.plain(first.footer())).startsWith("Next: /followup list --mine --page 2.");

        Reply third = bot.run("bob", "/followup list --mine --page 3");
        assertThat(third.title()).isEqualTo("Showing 51–60 of 60 follow-ups waiting on you");
        assertThat(third.rows()).hasSize(10).last().asString().contains("INC-60");
        assertThat(Inline.plain(third.footer())).doesNotContain("Next:");

        assertThat(bot.run("bob", "/followup list --page 4").text())
                .startsWith("There are 60 follow-ups to list, on 3 pages.");
    }
}
