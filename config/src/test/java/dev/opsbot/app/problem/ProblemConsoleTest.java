package dev.opsbot.app.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.ConsoleScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems in the real application: candidates, a known error, its note on the next card, ownership. */
class ProblemConsoleTest {

    @TempDir
    Path dataDir;

    @Test
    void aKnownErrorFromRecurringIncidentsReachesTheNextSimilarIncidentsCard() {
        String out = new ConsoleScript(dataDir).run("""
                /service add payments --team core --channel #payments
                /incident declare sev2 connection pool exhausted on db-1 --service payments
                /incident declare sev2 connection pool exhausted on db-2 --service payments
                /incident declare sev2 connection pool exhausted again --service payments
                /incident declare sev2 connection pool exhausted --service payments
                /problem candidates
                /problem open connection pool exhausted --from INC-4,INC-3,INC-2,INC-1 --service payments
                /problem workaround PRB-1 restart the payments pods one at a time
                /incident declare sev2 Connection pool exhausted in checkout --service payments
                /problem fix PRB-1 --change CHG-1
                /owner handover PRB-1 @bob pool code is yours
                /as bob
                /owner accept PRB-1
                /problem show PRB-1
                """);

        assertThat(out)
                .contains("1 candidate problem in the last 30 days")
                .contains("4 incidents on payments in 1 day titled like “connection pool exhausted”")
                .contains("PRB-1 · open · connection pool exhausted")
                .contains("PRB-1 is a known error now. Posted to INC-4, INC-3, INC-2, INC-1.")
                .contains("Known error PRB-1 (connection pool exhausted). Workaround: restart the payments pods one "
                        + "at a time")
                .contains("There is no change CHG-1.")
                .contains("Owner: @bob")
                .doesNotContain("Exception");
    }
}
