package dev.opsbot.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.command.Refusal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Times for change windows as people type them, read in the team's zone. */
class WhenTextTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Still the 27th in UTC but already 00:30 on the 28th in Berlin, where "tomorrow" is the 29th. */
    private static final Instant NOW = Instant.parse("2026-11-27T23:30:20Z");

    private static Instant parse(String typed) {
        return WhenText.parse("start", typed, NOW, BERLIN);
    }

    @Test
    void readsTheThreeFormsInTheTeamZone() {
        assertThat(parse("2026-12-01T22:00")).isEqualTo(Instant.parse("2026-12-01T21:00:00Z"));
        assertThat(parse("2026-12-01 22:00")).isEqualTo(Instant.parse("2026-12-01T21:00:00Z"));
        assertThat(parse("tomorrow 22:00")).isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
        assertThat(parse("Today 9:30")).isEqualTo(Instant.parse("2026-11-28T08:30:00Z"));
        assertThat(parse("+2h")).isEqualTo(Instant.parse("2026-11-28T01:30:00Z"));
        assertThat(parse("+1h30m")).isEqualTo(Instant.parse("2026-11-28T01:00:00Z"));
        assertThat(parse("+1d")).isEqualTo(Instant.parse("2026-11-28T23:30:00Z"));
        assertThat(parse("now")).isEqualTo(Instant.parse("2026-11-27T23:30:00Z"));
    }

    @Test
    void refusesWhatItCannotReadWithOneSentenceAndTheUsage() {
        for (String bad : new String[] {"2026-13-45T25:00", "2026-02-30T10:00", "tomorrowish", "+2x", "22:00",
                "next tuesday"}) {
            assertThatThrownBy(() -> parse(bad)).isInstanceOf(Refusal.class)
                    .hasMessage("“" + bad + "” is not a time I can read for --start; write 2026-12-01T22:00, "
                            + "\"tomorrow 22:00\" (in quotes) or +2h.")
                    .satisfies(e -> assertThat(((Refusal) e).showUsage()).isTrue());
        }
        assertThatThrownBy(() -> parse("tomorrow")).isInstanceOf(Refusal.class)
                .hasMessage("--start tomorrow needs a time of day: write --start \"tomorrow 22:00\" in quotes.");
    }
}
