package dev.opsbot.app.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.ConsoleScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-ups and digests through the real application, as {@code java -jar opsbot.jar < script} runs them. */
class ClockConsoleTest {

    @TempDir
    Path dataDir;

    @Test
    void followUpsAndDigestsWorkEndToEndAndSurviveARestart() {
        String first = new ConsoleScript(dataDir).run("""
                /as alice
                /incident declare sev1 checkout down
                /followup list --mine
                /followup snooze FU-1 2h
                /followup snooze FU-1 31d
                /digest subscribe #ops weekdays 09:00 --tz Europe/London
                /digest subscribe #ops hourly 09:00
                /digest preview
                """);

        assertThat(first)
                .contains("1 follow-up waiting on you")
                .contains("FU-1 · INC-1 · sev1 · checkout down: not acknowledged, no recent update · @alice")
                .contains("FU-1 snoozed until")
                .contains("A follow-up can be snoozed for 30 days at most.")
                .contains("Usage: /followup snooze <FU-N> <duration>")
                .contains("#ops gets a digest on weekdays at 09:00 Europe/London.")
                .contains("“hourly” is not a valid cadence; choose daily, weekdays or weekly.")
                .contains("Open incidents")
                .contains("  • 1 open: 1 sev1")
                .doesNotContain("• •")
                .contains("This channel gets it on weekdays at 09:00 Europe/London.")
                .doesNotContain("Exception");

        String second = new ConsoleScript(dataDir).run("""
                /as alice
                /followup list
                /digest list
                /followup done FU-1
                /followup list
                """);

        assertThat(second)
                .contains("1 follow-up")
                .contains("#ops · on weekdays at 09:00 Europe/London · set by @alice")
                .contains("FU-1 done")
                .contains("No follow-ups are pending.");
    }
}
