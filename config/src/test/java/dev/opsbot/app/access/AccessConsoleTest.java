package dev.opsbot.app.access;

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

/** The "done" scenario, typed into the real application with roles turned on by its settings. */
class AccessConsoleTest {

    @TempDir
    Path dataDir;

    private String session(String script, String... settings) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ConsoleMode.Terminal terminal = new ConsoleMode.Terminal(
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(printed, true, StandardCharsets.UTF_8), false, "tester");
        String[] args = new String[settings.length + 1];
        args[0] = "--opsbot.data-dir=" + dataDir;
        System.arraycopy(settings, 0, args, 1, settings.length);
        assertThat(OpsbotApplication.run(args, terminal, Map.of())).isZero();
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aViewerIsRefusedAndToldWhyAManagerOfOneServiceChangesOnlyItAndTheAuditShowsIt() {
        String out = session("""
                /as alice
                /service add payments --team core --channel #payments
                /service add search --team discovery --channel #search
                /incident declare sev2 "db latency" --service payments
                /incident resolve INC-1 failed over
                /as mallory
                /incident declare sev2 "checkout down" --service payments
                /incident close INC-1
                /escalation set payments --sev1 7m
                /help
                /as alice
                /role grant @bob manager --service payments
                /as bob
                /escalation set payments --sev1 7m
                /escalation set search --sev1 7m
                /role who-can escalation.write --service payments
                /audit --actor @mallory
                /audit INC-1
                /audit payments
                """, "--opsbot.admins=console:alice", "--opsbot.default-role=viewer");

        assertThat(out)
                .contains("/incident declare needs incident.declare for payments; ask an admin: @alice.")
                .contains("/incident close needs incident.close for payments; ask an admin: @alice.")
                .contains("/escalation set needs escalation.write for payments; ask an admin: @alice.")
                .contains("commands are hidden because your role does not allow them")
                .contains("@alice made @bob manager of payments.")
                .contains("/escalation set needs escalation.write for search; ask an admin: @alice.")
                .contains("Admins: @alice")
                .contains("@bob — manager of payments")
                .contains("Audit · @mallory")
                .contains("@mallory · access.denied · payments · incident.declare: /incident declare sev2")
                .contains("@mallory · access.denied · INC-1 · incident.close: /incident close INC-1")
                .contains("Audit · INC-1")
                .contains("@alice · incident.declare · INC-1")
                .contains("@alice · role.grant · payments · console:bob manager of payments")
                .contains("@bob · escalation.set · payments")
                .doesNotContain("INC-2")
                .doesNotContain("Exception");
        assertThat(out.indexOf("@bob · escalation.set · payments")).isPositive();
        assertThat(out).doesNotContain("@bob · escalation.set · search");
    }

    @Test
    void aChatGroupIsGrantedListedAndRevokedFromTheConsole() {
        String out = session("""
                /as alice
                /role grant @group:oncall responder
                /role list @group:oncall
                /role who-can incident.declare
                /role revoke @group:oncall responder
                /role list @group:oncall
                /audit --actor @alice
                """, "--opsbot.admins=console:alice", "--opsbot.default-role=viewer");

        assertThat(out).contains("@alice made the group “oncall” responder everywhere.")
                .contains("Roles of the group “oncall”")
                .contains("the group “oncall” — responder everywhere")
                .contains("@alice took responder everywhere from the group “oncall”.")
                .contains("role.grant · roles · group:console:oncall responder everywhere")
                .doesNotContain("Exception");
    }

    @Test
    void withoutAdminsEveryoneMayDoEverythingAndRoleSaysSo() {
        String out = session("""
                /as mallory
                /service add payments --team core --channel #payments
                /escalation set payments --sev1 7m
                /incident declare sev2 "db latency" --service payments
                /role list
                """);

        assertThat(out).contains("INC-1 · sev2 · db latency")
                .contains("Roles are off (OPSBOT_ADMINS is not set): everyone may run every command.")
                .doesNotContain("needs");
    }

    @Test
    void auditExportWritesWhatASessionDidAsJsonLines() {
        session("""
                /as mallory
                /incident declare sev3 "disk filling" --service build
                /incident ack INC-1
                """, "--opsbot.admins=console:alice", "--opsbot.default-role=viewer");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ConsoleMode.Terminal terminal = new ConsoleMode.Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(printed, true, StandardCharsets.UTF_8), false, "tester");

        Integer exit = OpsbotApplication.run(new String[] {"audit-export", "--since", "1d", "--opsbot.data-dir=" + dataDir},
                terminal, Map.of());

        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(exit).isZero();
        assertThat(lines).hasSize(2).allMatch(l -> l.startsWith("{\"at\": \"") && l.endsWith("}"));
        assertThat(lines[0]).contains("\"actor\": \"console:mallory\"", "\"action\": \"access.denied\"",
                "\"after\": \"incident.declare: /incident declare sev3 \\\"disk filling\\\" --service build\"");
        assertThat(lines[1]).contains("\"item\": \"INC-1\"", "incident.ack: /incident ack INC-1");
    }

    @Test
    void auditExportProblemsAreOneSentenceOnStderrAndANonZeroExit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.time.Clock clock = java.time.Clock.systemUTC();

        int badSince = AuditExportCommand.run(java.util.List.of("audit-export", "--since", "yesterday-ish",
                "--opsbot.data-dir=" + dataDir), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), clock);
        assertThat(badSince).isEqualTo(AuditExportCommand.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("audit-export: --since takes a span").hasLineCount(1);

        err.reset();
        java.nio.file.Path notADirectory = java.nio.file.Files.writeString(dataDir.resolve("a-file"), "x");
        int unreadable = AuditExportCommand.run(java.util.List.of("audit-export", "--opsbot.data-dir=" + notADirectory),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), clock);
        assertThat(unreadable).isEqualTo(AuditExportCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("audit-export: could not read the audit log").hasLineCount(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

        ConsoleMode.Terminal terminal = new ConsoleMode.Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, "tester");
        assertThat(OpsbotApplication.run(new String[] {"audit-export", "--since", "soon", "--opsbot.data-dir=" + dataDir},
                terminal, Map.of())).as("the exit status java -jar ends with").isEqualTo(AuditExportCommand.BAD_USAGE);
    }

    @Test
    void aManagerOfAServiceMayFinishTheFollowUpOfAProblemOnItAndNobodyElseMay() {
        String out = session("""
                /as alice
                /service add payments --team core --channel #payments
                /service add search --team discovery --channel #search
                /incident declare sev2 "pool exhausted" --service payments
                /problem open pool exhausted again --from INC-1 --service payments
                /problem action PRB-1 alert on pool saturation --owner @dave --due 7d
                /role grant @carol manager --service payments
                /role grant @erin manager --service search
                /followup list
                /as erin
                /followup done FU-3
                /as carol
                /followup done FU-3
                """, "--opsbot.admins=console:alice", "--opsbot.default-role=viewer");

        // FU-1 and FU-2 are the incident's reminder and escalation; FU-3 is the problem's preventive action.
        assertThat(out).contains("FU-3 · Preventive action 1 of PRB-1")
                .contains("/followup done needs followup.done for payments; ask a manager of payments: @carol.");
        assertThat(out.substring(out.lastIndexOf("carol@#ops> /followup done FU-3")))
                .contains("FU-3 done").doesNotContain("needs followup.done");
    }
}
