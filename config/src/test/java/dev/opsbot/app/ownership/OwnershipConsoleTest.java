package dev.opsbot.app.ownership;

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

/**
 * Services, on-call, paging and handover through the real application, as a console session.
 * Timeouts are covered with a controllable clock in the core's tests; this proves the wiring.
 */
class OwnershipConsoleTest {

    @TempDir
    Path dataDir;

    @Test
    void declaringOnAServiceWithARotationPagesItsOnCallAndAHandoverWaitsForAccept() {
        String out = session("""
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
                .contains("@alice, you are on call for payments. Acknowledge within 5m to stop the escalation.")
                .contains("@dave stays the owner until @erin accepts.")
                .contains("Owner: @dave")
                .contains("Waiting for your answer: INC-1 · sev1 · card payments failing from @dave")
                .contains("@erin accepted INC-1 · sev1 · card payments failing from @dave and owns it now.")
                .contains("Owner: @erin")
                .contains("primary → secondary → channel")
                .doesNotContain("Exception")
                .doesNotContain("failed on our side");
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
