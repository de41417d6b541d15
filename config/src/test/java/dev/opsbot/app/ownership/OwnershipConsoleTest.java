package dev.opsbot.app.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.ConsoleScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services, on-call, paging and handover through the real application, as a console session.
 * Timeouts are covered with a controllable clock in the core's tests; this proves the wiring.
 */
class OwnershipConsoleTest {

    @TempDir
    Path dataDir;

    @Test
    void declaringOnAServiceWithARotationPagesItsOnCallAndAHandoverWaitsForAccept() {
        String out = new ConsoleScript(dataDir).run("""
                /as lead
                /service add payments --team core --channel #payments --tier 1
                /oncall rotation create payments-primary --members @alice,@bob --every 1w --handoff "mon 09:00" --tz Europe/London --service payments
                /oncall who payments
                /as dave
                /incident declare sev1 "card payments failing" --service paymnets
                /incident declare sev1 "card payments failing" --service payments
                /owner handover INC-1 @erin taking a break
                /owner show INC-1
                /as erin
                /owner mine
                /owner accept
                /owner show INC-1
                /escalation show payments
                """);

        assertThat(out)
                .contains("On call for payments")
                .contains("@alice until")
                .contains("There is no service “paymnets”; /service list shows them.")
                .contains("[#payments] INC-1 · sev1 · card payments failing")
                .contains("@alice, you are paged as primary on call for payments: INC-1 was just declared.")
                .contains("Next: bob, secondary on call (2 of 3), at ")
                .contains("@dave stays the owner until @erin accepts.")
                .contains("Owner: @dave")
                .contains("Waiting for your answer: INC-1 · sev1 · card payments failing from @dave")
                .contains("@erin accepted INC-1 · sev1 · card payments failing from @dave and owns it now.")
                .contains("Owner: @erin")
                .contains("primary → secondary → channel")
                .doesNotContain("Exception")
                .doesNotContain("failed on our side");
    }
}
