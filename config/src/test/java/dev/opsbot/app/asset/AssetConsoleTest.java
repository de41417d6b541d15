package dev.opsbot.app.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.ConsoleScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory in the real application's console, as a new user would try it, across a restart. */
class AssetConsoleTest {

    @TempDir
    Path dataDir;

    @Test
    void threeAssetsAndAServiceLinkedShowTheirChainBothWaysAndACycleIsRefused() {
        ConsoleScript console = new ConsoleScript(dataDir);
        String printed = console.run("""
                /service add payments --team core --channel #payments
                /asset add db-01 --type database --env prod --address 127.0.0.1:5432 --probe tcp://127.0.0.1:5432
                /asset add vm-01 --type vm --env prod
                /asset add hv-01 --type server --env prod --site fra1
                /asset link payments depends-on db-01
                /asset link db-01 runs-on vm-01
                /asset link vm-01 runs-on hv-01
                /asset deps hv-01 --up
                /asset deps payments --down
                /asset link hv-01 depends-on payments
                /asset verify db-01
                """);
        assertThat(printed).contains("↑ vm-01 · asset · runs-on hv-01")
                .contains("↑ db-01 · asset · runs-on vm-01")
                .contains("↑ payments · service · depends-on db-01")
                .contains("↓ db-01 · asset · (payments depends-on it)")
                .contains("↓ hv-01 · asset · (vm-01 runs-on it)")
                .contains("That would make a cycle: hv-01 depends-on payments depends-on db-01 runs-on vm-01 "
                        + "runs-on hv-01.")
                // The application wires live verification: the probe ran (whatever listens on 5432 here).
                .contains("tcp://127.0.0.1:5432 ").doesNotContain("Live verification is not available");

        String again = console.run("/asset show db-01\n/asset list --env prod\n/asset audit\n");
        assertThat(again).contains("Needs: runs-on vm-01 (asset)").contains("Needed by: payments (service)")
                .contains("3 assets").contains("Inventory audit · 3 assets");
    }
}
