package dev.opsbot.app.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.ConsoleMode;
import dev.opsbot.app.OpsbotApplication;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-ups and digests through the real application, as {@code java -jar opsbot.jar < script} runs them. */
class ClockConsoleTest {

    @TempDir
    Path dataDir;

    @Test
    void followUpsAndDigestsWorkEndToEndAndSurviveARestart() {
        String first = session("""
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
                .contains("Usage: /followup snooze <FU-N> <for>")
                .contains("#ops gets a digest on weekdays at 09:00 Europe/London.")
                .contains("“hourly” is not a valid cadence; choose daily, weekdays or weekly.")
                .contains("Open incidents")
                .contains("1 open: 1 sev1")
                .contains("This channel gets it on weekdays at 09:00 Europe/London.")
                .doesNotContain("Exception");

        String second = session("""
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

    private String session(String script) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleMode.Terminal terminal = new ConsoleMode.Terminal(
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, false, "tester");
        Integer exit = OpsbotApplication.run(new String[] {"--opsbot.data-dir=" + dataDir}, terminal, Map.of());
        assertThat(exit).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
