package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.testing.CoreFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /incident history: every incident newest first, a bounded stretch per page, always saying how to go on. */
class IncidentHistoryTest {

    private final CoreFixture core = new CoreFixture();

    @AfterEach
    void stop() {
        core.close();
    }

    @Test
    void pagesWalkBackFromTheNewestThroughArchiveAndWorkingSetAlike() {
        SeededIncidents.seed(core.store.database(), 50, 4, core.clock.instant());

        Reply first = core.run("bob", "/incident history");
        assertThat(first.title()).isEqualTo("History: INC-54 to INC-35");
        assertThat(first.text()).isEqualTo("About 54 incidents in all, newest first.");
        assertThat(ids(first)).hasSize(20).startsWith("INC-54", "INC-53", "INC-52", "INC-51", "INC-50")
                .endsWith("INC-35");
        assertThat(Inline.plain(first.footer())).isEqualTo("Older: /incident history --before INC-35.");

        Reply last = core.run("bob", "/incident history --before INC-15");
        assertThat(ids(last)).hasSize(14).startsWith("INC-14").endsWith("INC-1");
        assertThat(last.footer()).isEmpty();
        assertThat(core.run("bob", "/incident history --before INC-1").text()).isEqualTo("There is nothing before INC-1.");
        assertThat(core.run("bob", "/incident history --before INC-0").text()).isEqualTo("There is nothing before INC-0.");
        // Numbers above the newest are not walked through one by one.
        assertThat(core.run("bob", "/incident history --before INC-999999").title())
                .isEqualTo("History: INC-54 to INC-35");
    }

    @Test
    void aFilteredPageLooksAtABoundedStretchAndSaysSo() {
        // Severity cycles sev2, sev3, sev4, sev1 by number and the service every five: sev1 on auth is one in twenty.
        SeededIncidents.seed(core.store.database(), 500, 0, core.clock.instant());

        Reply page = core.run("bob", "/incident history --sev sev1 --service auth");

        assertThat(page.title()).isEqualTo("10 matches among INC-500 to INC-301");
        assertThat(ids(page)).hasSize(10).allSatisfy(id -> assertThat(Integer.parseInt(id.substring(4)) % 20)
                .isEqualTo(16));
        assertThat(page.text()).isEqualTo("About 500 incidents in all, newest first. A filtered page looks at 200 "
                + "incidents at most, so it may show few or none; --before goes further back.");
        assertThat(Inline.plain(page.footer()))
                .isEqualTo("Older: /incident history --service auth --sev sev1 --before INC-301.");
    }

    @Test
    void anEmptyStoreHasNoHistoryYet() {
        assertThat(core.run("bob", "/incident history").text()).isEqualTo("No incidents yet.");
    }

    private static List<String> ids(Reply reply) {
        return reply.rows().stream().map(r -> Inline.plain(r).split(" ")[0]).toList();
    }
}
