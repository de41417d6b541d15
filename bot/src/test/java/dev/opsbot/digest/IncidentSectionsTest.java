package dev.opsbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Inline;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The digest's incident sections count everything and say what they leave out. */
class IncidentSectionsTest {

    private final CoreFixture core = new CoreFixture();

    @AfterEach
    void stop() {
        core.close();
    }

    @Test
    void openIncidentsCountsAllOfThemAndEndsWithHowManyMoreAndWhere() {
        for (int n = 1; n <= 13; n++) {
            core.run("bob", "/incident declare " + (n <= 2 ? "sev1" : "sev3") + " trouble " + n);
            core.clock.advance(Duration.ofMinutes(1));
        }
        core.run("alice", "/incident ack INC-1");

        List<String> lines = plain(new OpenIncidents(core.incidents).lines(core.clock.instant(), ZoneOffset.UTC));

        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).isEqualTo("13 open: 2 sev1 · 11 sev3");
        assertThat(lines.get(1)).startsWith("INC-2 · sev1");
        assertThat(lines.get(11)).isEqualTo("+3 more: /incident list --open");
    }

    @Test
    void notAcknowledgedShowsTheWorstAndOldestAndCountsTheRest() {
        for (int n = 1; n <= 12; n++) {
            core.run("bob", "/incident declare " + (n == 12 ? "sev1" : "sev2") + " trouble " + n);
            core.clock.advance(Duration.ofMinutes(1));
        }
        core.run("alice", "/incident ack INC-1");

        List<String> lines = plain(new UnacknowledgedIncidents(core.incidents).lines(core.clock.instant(),
                ZoneOffset.UTC));

        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).startsWith("INC-12 · sev1");
        assertThat(lines.get(1)).startsWith("INC-2 · sev2");
        assertThat(lines.get(10)).isEqualTo("+1 more: /incident list --open");
    }

    private static List<String> plain(List<String> lines) {
        return lines.stream().map(Inline::plain).toList();
    }
}
