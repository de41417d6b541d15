package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scripted session fed through the same entry point as {@code java -jar opsbot.jar < script}. */
class ConsoleEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void aScriptedSessionRunsIncidentsAndASecondRunSeesWhatTheFirstStored() {
        String first = new ConsoleScript(dataDir).run("""
                /as alice
                /incident declare sev2 "db latency" --service payments
                /incident declare sev4 disk filling on build agents
                /as bob
                /incident ack INC-1
                /incident ack INC-1
                /incident update INC-1 failover started <!channel> @everyone
                /incident resolve INC-1 rolled back release 1.4.2
                /incident list --open
                /incident show INC-1
                /quit
                /incident declare sev1 never read after quit
                """);

        assertThat(first)
                .contains("INC-1 · sev2 · db latency")
                .contains("[#incidents] INC-1 · sev2 · db latency")
                .contains("Acknowledged by @bob.")
                .contains("INC-1 was already acknowledged by @bob at")
                .contains("Resolved by @bob: rolled back release 1.4.2")
                .contains("• INC-2 · sev4 · declared · disk filling on build agents")
                .contains("Time to resolve:")
                .doesNotContain("INC-3")
                .doesNotContain("Exception");

        String second = new ConsoleScript(dataDir).run("""
                /incident list
                /incident close INC-1
                """);
        assertThat(second)
                .contains("2 incidents")
                .contains("INC-1 · sev2 · resolved · db latency")
                .contains("Closed by @tester.");
    }

    @Test
    void eachMalformedLineGetsOneSentenceAndUsageAndTheSessionGoesOn() {
        String out = new ConsoleScript(dataDir).run("""
                /incident declare sev9 x
                /incident declare sev1 "unbalanced quote
                /incident frobnicate INC-1
                /incident ack INC-999
                /incident declare
                /incident list
                """);

        assertThat(out)
                .contains("“sev9” is not a valid severity; choose sev1, sev2, sev3 or sev4.")
                .contains("Usage: /incident declare <sev1|sev2|sev3|sev4> <title> [--service <service>]")
                .contains("is never closed.")
                .contains("/incident has no subcommand “frobnicate”.")
                .contains("There is no incident INC-999.")
                .contains("Usage: /incident ack <INC-N>")
                .contains("No incidents match.")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
