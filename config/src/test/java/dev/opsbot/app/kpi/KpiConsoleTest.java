package dev.opsbot.app.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.ConsoleScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /channel zone and /kpi through the real application, as {@code java -jar opsbot.jar < script} runs them. */
class KpiConsoleTest {

    @TempDir
    Path dataDir;

    @Test
    void aChannelZoneAndTheKpisAreWiredEndToEnd() {
        String printed = new ConsoleScript(dataDir).run("""
                /as alice
                /service add payments --team core --channel #payments --tier 1
                /service set payments --availability 99.9
                /incident declare sev1 checkout down --service payments
                /incident ack INC-1
                /incident resolve INC-1 rolled back
                /channel zone #ops Asia/Tokyo
                /incident show INC-1
                /kpi --service payments
                /kpi --days 0
                /help channel
                """);

        assertThat(printed)
                .contains("Availability target of payments: 99.9% (was none)")
                .contains("#ops now reads its times in Asia/Tokyo (was the team's, UTC)")
                .containsPattern("Declared: @alice at \\d\\d:\\d\\d JST")
                .contains("KPIs · last 30 days · payments")
                .contains("Incidents: 1 (sev1 1)")
                .contains("Availability of payments: ")
                .contains("Change success: no changes recorded")
                .contains("--days is a number of days from 1 to 365.")
                .contains("/channel zone <#channel> <zone>")
                .doesNotContain("Exception");
    }
}
