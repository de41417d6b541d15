package dev.opsbot.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.schedule.DueItem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolePolicyTest {

    @Test
    void aViewerIsToldWhichPermissionIsMissingAndWhomToAskAndTheDenialIsAudited() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            Reply declare = f.run("mallory", "/incident declare sev2 \"db latency\" --service payments");

            assertThat(declare.isPrivate()).isTrue();
            assertThat(declare.tone()).isEqualTo(Reply.Tone.WARNING);
            assertThat(declare.plainText()).isEqualTo(
                    "/incident declare needs incident.declare for payments; ask an admin: @alice.");
            assertThat(f.ops.core.incidents.find("INC-1")).isEmpty();
            assertThat(f.ops.core.audit.forItem("payments", 5)).extracting(AuditEntry::action, AuditEntry::after)
                    .first().isEqualTo(org.assertj.core.groups.Tuple.tuple("access.denied",
                            "incident.declare: /incident declare sev2 \"db latency\" --service payments"));
            assertThat(f.run("mallory", "/incident list").plainText()).contains("No incidents");
        }
    }

    @Test
    void aScopedManagerMayChangeTheirServiceButNotAnother() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            f.ok("alice", "/role grant @bob manager --service payments");

            f.ok("bob", "/escalation set payments --sev1 7m");
            Reply other = f.run("bob", "/escalation set search --sev1 7m");

            assertThat(other.plainText())
                    .isEqualTo("/escalation set needs escalation.write for search; ask an admin: @alice.");
            assertThat(f.ops.policies.forService("search").timeout(dev.opsbot.incident.Severity.SEV1))
                    .isNotEqualTo(Duration.ofMinutes(7));
        }
    }

    @Test
    void aGrantOnAServiceCoversItsIncidentsAndTheRefusalNamesItsManagers() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            f.ok("alice", "/incident declare sev2 slow --service payments");
            f.ok("alice", "/incident declare sev2 stale --service search");
            f.ok("alice", "/role grant @carol manager --service search");
            f.ok("alice", "/role grant @dave responder --service payments");

            f.ok("dave", "/incident ack INC-1");
            Reply elsewhere = f.run("dave", "/incident ack INC-2");

            assertThat(elsewhere.plainText())
                    .isEqualTo("/incident ack needs incident.ack for search; ask a manager of search: @carol.");
            assertThat(f.ops.core.audit.forItem("INC-2", 5)).extracting(AuditEntry::action).contains("access.denied");
        }
    }

    @Test
    void withDefaultResponderEveryoneWorksIncidentsButOnlyManagersChangeEscalation() {
        try (AccessFixture f = new AccessFixture(Role.RESPONDER).withServices()) {
            f.ok("mallory", "/incident declare sev3 disk --service payments");
            f.ok("mallory", "/incident ack INC-1");
            assertThat(f.run("mallory", "/escalation set payments --sev1 7m").plainText())
                    .startsWith("/escalation set needs escalation.write for payments;");
            assertThat(f.run("mallory", "/service add billing --team core --channel #billing").plainText())
                    .isEqualTo("/service add needs service.add; ask an admin: @alice.");
        }
    }

    @Test
    void helpShowsOnlyWhatThePersonMayRunAndCountsTheRest() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER)) {
            Reply viewer = f.run("mallory", "/incident help");
            Reply admin = f.run("alice", "/incident help");

            assertThat(viewer.rows()).hasSize(3).allMatch(r -> r.startsWith("/incident list")
                    || r.startsWith("/incident history") || r.startsWith("/incident show"));
            assertThat(viewer.footer()).isEqualTo(
                    "9 commands are hidden because your role does not allow them; /role list shows your roles.");
            assertThat(admin.rows()).hasSize(12);
            assertThat(admin.footer()).isNullOrEmpty();
            assertThat(f.run("mallory", "/help").footer()).contains("hidden because your role does not allow them");
        }
    }

    @Test
    void thePrimaryOnCallIsAResponderForTheirServiceWhileOnShift() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            f.ok("alice", "/oncall rotation create payments-primary --members @erin,@frank --every 1w "
                    + "--handoff \"mon 09:00\" --service payments");
            f.ok("alice", "/incident declare sev2 slow --service payments");
            f.ok("alice", "/incident declare sev2 stale --service search");

            assertThat(f.run("mallory", "/oncall who payments").plainText()).contains("@erin until");
            String onShift = "erin";
            f.ok(onShift, "/incident ack INC-1");
            assertThat(f.run(onShift, "/incident ack INC-2").plainText()).startsWith("/incident ack needs incident.ack");
            assertThat(f.run(onShift, "/escalation set payments --sev1 7m").plainText())
                    .startsWith("/escalation set needs escalation.write");
        }
    }

    @Test
    void aGrantToAChatGroupCountsForItsMembers() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            f.groupsOfMallory.add(ChatGroups.key(dev.opsbot.chat.Platform.DISCORD, "4242"));
            assertThat(f.run("mallory", "/incident declare sev3 x --service payments").plainText())
                    .startsWith("/incident declare needs");

            f.roles.change(ChatGroups.key(dev.opsbot.chat.Platform.DISCORD, "4242"), null,
                    h -> h.with(new Grant(Role.RESPONDER, "payments", null, f.ops.core.clock.instant(), null, "")));

            f.ok("mallory", "/incident declare sev3 x --service payments");
            assertThat(f.run("mallory", "/incident declare sev3 x --service search").plainText())
                    .startsWith("/incident declare needs");
        }
    }

    @Test
    void withoutAdminsEverythingIsOpenAndRoleCommandsSaySo() {
        try (AccessFixture f = new AccessFixture(RoleSettings.OPEN).withServices()) {
            f.ok("mallory", "/escalation set payments --sev1 7m");
            assertThat(f.run("mallory", "/role").plainText())
                    .contains("Roles are off (OPSBOT_ADMINS is not set): everyone may run every command.");
            assertThat(f.run("mallory", "/role grant @bob manager").plainText())
                    .startsWith("Roles are off");
            assertThat(f.run("mallory", "/incident help").footer()).isNullOrEmpty();
        }
    }

    @Test
    void aFollowUpBelongsToTheServiceOfItsIncident() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            f.ok("alice", "/incident declare sev2 slow --service payments");
            f.ops.due.schedule(new DueItem("review:INC-1", "followup.review", "INC-1",
                    f.ops.core.clock.instant().plus(Duration.ofHours(1)), Map.of(DueItem.LABEL, "Review INC-1")));
            String ref = f.ops.due.pending("INC-1", 5).stream().filter(d -> d.id().equals("review:INC-1"))
                    .findFirst().orElseThrow().ref();
            f.ok("alice", "/role grant @dave responder --service payments");
            f.ok("alice", "/role grant @erin responder --service search");

            assertThat(f.run("erin", "/followup snooze " + ref + " 1h").plainText())
                    .isEqualTo("/followup snooze needs followup.snooze for payments; ask an admin: @alice.");
            f.ok("dave", "/followup snooze " + ref + " 1h");
        }
    }
}
