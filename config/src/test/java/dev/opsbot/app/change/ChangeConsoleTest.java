package dev.opsbot.app.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.ConsoleScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change management in the real application's console, over the real inventory: the impact
 * follows the asset graph, approvals keep separation of duties, a freeze stops a normal change
 * and lets an emergency one through, and a completed change becomes a suspect, a failed change in
 * the KPIs once linked, and the fix a problem can be resolved by.
 */
class ChangeConsoleTest {

    @TempDir
    Path dataDir;

    @Test
    void aHighRiskChangeOverTheRealGraphIsApprovedByTwoAndBecomesASuspect() {
        ConsoleScript console = new ConsoleScript(dataDir);
        String printed = console.run("""
                /as lead
                /service add payments --team core --channel #payments --tier 1 --owner @carol
                /oncall rotation create payments-primary --members @dave --service payments
                /asset add db-01 --type database --env prod
                /asset add pay-api --type container --env prod
                /asset link payments depends-on pay-api
                /asset link pay-api depends-on db-01
                /as alice
                /change request "db-01 minor upgrade" --asset db-01 --start +3m --end +2h --risk high
                /change approve CHG-1
                /as bob
                /change approve CHG-1 looks fine
                /as carol
                /change approve CHG-1
                /as alice
                /change request "db-01 index rebuild" --asset db-01 --start +10m --end +1h
                /as lead
                /change freeze add eoy --from +3h --to +6h
                /as alice
                /change request "pay-api config push" --asset pay-api --start +4h --end +5h
                /as bob
                /change approve CHG-3
                /as alice
                /incident declare sev2 "db-01 disk full" --service payments
                /change request "emergency disk grow" --asset db-01 --start +4h --end +5h --type emergency --incident INC-1
                /as bob
                /change approve CHG-4
                /as alice
                /change start CHG-1
                /change done CHG-1 success
                /incident declare sev2 "payments checkout errors" --service payments
                /kpi
                """);
        assertThat(printed)
                .contains("needs two approvals, one of them from an owner of payments (@carol)")
                .contains("• Assets: db-01; reaching pay-api")
                .contains("• Service payments: owner @carol, on call @dave, #payments")
                .contains("You requested CHG-1, so someone else has to approve it.")
                .contains("@bob approved; it still needs one more approval from an owner of payments (@carol).")
                .contains("Approved by @bob, @carol")
                .contains("Verdict: CAUTION: overlaps CHG-1 on db-01, pay-api")
                .contains("CHG-3 crosses the freeze “eoy”")
                .contains("Approved by @bob; it can start from")
                .contains("Suspect change: CHG-1 “db-01 minor upgrade”")
                .contains("[Link CHG-1: /change link CHG-1 INC-2]")
                .contains("Change success: 100% (1 of 1 succeeded)");

        String after = console.run("""
                /as alice
                /change link CHG-1 INC-2
                /kpi
                /problem open "checkout errors after upgrades" --from INC-2 --service payments
                /problem fix PRB-1 --change CHG-2
                /problem fix PRB-1 --change CHG-9
                /problem fix PRB-1 --change CHG-1
                /problem resolve PRB-1
                """);
        assertThat(after)
                .contains("Change success: 0% (0 of 1 succeeded)")
                .doesNotContain("changes are not recorded here")
                .contains("There is no change CHG-9")
                .contains("PRB-1");
    }
}
