package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /incident list: what needs attention first, a page at a time, always saying how many there are. */
class IncidentListPagingTest {

    private final CoreFixture core = new CoreFixture();

    @AfterEach
    void stop() {
        core.close();
    }

    @Test
    void unacknowledgedComeFirstThenWorstSeverityThenOldest() {
        declare("sev3 oldest acknowledged");     // INC-1
        declare("sev2 resolved one");            // INC-2
        declare("sev4 waiting low");             // INC-3
        declare("sev1 acknowledged sev1");       // INC-4
        declare("sev2 waiting older");           // INC-5
        declare("sev2 waiting newer");           // INC-6
        declare("sev1 waiting worst");           // INC-7
        core.run("alice", "/incident ack INC-1");
        core.run("alice", "/incident resolve INC-2");
        core.run("alice", "/incident ack INC-4");

        assertThat(ids(core.run("bob", "/incident list")))
                .containsExactly("INC-7", "INC-5", "INC-6", "INC-3", "INC-4", "INC-1", "INC-2");
    }

    @Test
    void aLongListSaysWhichPartItShowsOfHowManyAndHowToGetTheNextPage() {
        for (int n = 1; n <= 30; n++) {
            declare("sev3 incident " + n);
        }

        Reply first = core.run("bob", "/incident list");
        assertThat(first.title()).isEqualTo("Showing 1–25 of 30 incidents");
        assertThat(ids(first)).hasSize(25).startsWith("INC-1", "INC-2").endsWith("INC-25");
        assertThat(Inline.plain(first.footer()))
                .isEqualTo("Page 1 of 2. Next: /incident list --page 2. Older incidents: /incident history.");

        Reply second = core.run("bob", "/incident list --page 2");
        assertThat(second.title()).isEqualTo("Showing 26–30 of 30 incidents");
        assertThat(ids(second)).containsExactly("INC-26", "INC-27", "INC-28", "INC-29", "INC-30");
        assertThat(Inline.plain(second.footer())).isEqualTo("Older incidents: /incident history.");

        Reply past = core.run("bob", "/incident list --page 3");
        assertThat(past.text()).startsWith("There are 30 incidents to list, on 2 pages.");
        assertThat(past.isPrivate()).isTrue();
        assertThat(core.run("bob", "/incident list --page 0").text()).startsWith("Pages count from 1.");
    }

    @Test
    void theNextPageKeepsTheFiltersThatWereTyped() {
        for (int n = 1; n <= 27; n++) {
            declare("sev2 \"payments " + n + "\" --service payments");
        }
        declare("sev2 elsewhere --service auth");

        Reply first = core.run("bob", "/incident list --open --service payments --sev sev2");
        assertThat(first.title()).isEqualTo("Showing 1–25 of 27 incidents");
        assertThat(Inline.plain(first.footer()))
                .isEqualTo("Page 1 of 2. Next: /incident list --open --service payments --sev sev2 --page 2.");
        assertThat(core.run("bob", "/incident list --open --service payments --sev sev2 --page 2").rows())
                .hasSize(2);
    }

    @Test
    void aListThatFitsSaysHowManyWithoutPaging() {
        declare("sev2 only one");
        Reply list = core.run("bob", "/incident list --open");
        assertThat(list.title()).isEqualTo("1 incident");
        assertThat(list.footer()).isEmpty();
    }

    private void declare(String rest) {
        core.run("carol", "/incident declare " + rest);
        core.clock.advance(Duration.ofMinutes(1));
    }

    private static List<String> ids(Reply reply) {
        return reply.rows().stream().map(r -> Inline.plain(r).split(" ")[0]).toList();
    }
}
