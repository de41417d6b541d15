package dev.opsbot.app.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.ConsoleScript;
import dev.opsbot.probe.Listeners;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's console verifying assets against a listener on 127.0.0.1, as a new user would. */
class VerificationConsoleTest {

    @TempDir
    Path dataDir;

    @Test
    void verifyReportsALiveListenerAClosedPortWithDriftAndRefusesMetadata() throws Exception {
        try (Listeners listeners = new Listeners()) {
            ServerSocket open = listeners.tcp();
            int closed = Listeners.closedPort();
            String out = new ConsoleScript(dataDir).run("""
                    /asset add db-01 --type database --env prod --probe tcp://127.0.0.1:%d
                    /asset add db-02 --type database --env prod --probe tcp://127.0.0.1:%d
                    /asset add imds --type endpoint --env prod --probe http://169.254.169.254/latest/meta-data
                    /asset verify db-01
                    /asset verify db-02
                    /asset verify imds
                    /asset verify --all
                    /asset show db-02
                    /asset list --drift
                    """.formatted(open.getLocalPort(), closed));
            assertThat(out)
                    .containsPattern("db-01\\S* · ok")
                    .contains("tcp://127.0.0.1:" + open.getLocalPort() + " connected in")
                    .containsPattern("db-02\\S* · unreachable")
                    .contains("tcp://127.0.0.1:" + closed + " refused the connection")
                    .contains("Declared active but unreachable: no probe got an answer.")
                    .contains("/asset set db-02 state offline")
                    .contains("The probe target 169.254.169.254 is refused")
                    .contains("Verified 3 assets")
                    .contains("Observed: unreachable")
                    .doesNotContain("Exception");
        }
    }
}
