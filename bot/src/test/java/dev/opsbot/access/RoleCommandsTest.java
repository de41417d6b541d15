package dev.opsbot.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.store.AuditEntry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoleCommandsTest {

    @Test
    void aManagerGrantsRolesBelowManagerOnTheirServiceOnly() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            f.ok("alice", "/role grant @bob manager --service payments");

            f.ok("bob", "/role grant @dave responder --service payments");
            assertThat(f.run("bob", "/role grant @dave manager --service payments").plainText())
                    .isEqualTo("Granting or revoking manager needs role.admin; ask an admin: @alice.");
            assertThat(f.run("bob", "/role grant @dave responder --service search").plainText())
                    .isEqualTo("/role grant needs role.grant for search; ask an admin: @alice.");
            assertThat(f.run("bob", "/role grant @dave responder").plainText())
                    .isEqualTo("/role grant needs role.grant; ask an admin: @alice.");
            f.ok("dave", "/incident declare sev3 x --service payments");
        }
    }

    @Test
    void grantsAndRevokesAreAnnouncedAuditedAndTakeEffectAtOnce() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            Reply granted = f.ok("alice", "/role grant @bob responder --service payments");
            assertThat(granted.isPrivate()).isFalse();
            assertThat(granted.plainText()).contains("@alice made @bob responder of payments.");
            f.ok("bob", "/incident declare sev3 x --service payments");

            f.ok("alice", "/role revoke @bob responder --service payments");
            assertThat(f.run("bob", "/incident declare sev3 y --service payments").plainText())
                    .startsWith("/incident declare needs incident.declare for payments");
            assertThat(f.run("alice", "/role revoke @bob responder --service payments").plainText())
                    .isEqualTo("@bob is not responder of payments; /role list @bob shows what they hold.");
            assertThat(f.ops.core.audit.forItem("payments", 10)).extracting(AuditEntry::action)
                    .contains("role.grant", "role.revoke");
        }
    }

    @Test
    void grantingRefusesUnknownServicesAndScopedAdmins() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            assertThat(f.run("alice", "/role grant @bob manager --service nope").plainText())
                    .contains("There is no service “nope”").contains("Usage: /role grant");
            assertThat(f.run("alice", "/role grant @bob admin --service payments").plainText())
                    .contains("admin is held everywhere; leave out --service.");
            assertThat(f.run("alice", "/role grant @bob boss").plainText()).contains("not a valid role");
        }
    }

    @Test
    void listShowsTheDefaultRoleAndEachGrant() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            f.ok("alice", "/role grant @bob manager --service payments");

            String bob = f.ok("mallory", "/role @bob").plainText();
            String alice = f.ok("alice", "/role").plainText();

            assertThat(bob).contains("viewer everywhere (everyone's default role)")
                    .contains("manager of payments — from @alice");
            assertThat(alice).contains("admin everywhere (OPSBOT_ADMINS)");
        }
    }

    @Test
    void whoCanListsAdminsHoldersTheDefaultAndThePrimaryOnCall() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            f.ok("alice", "/role grant @bob manager --service payments");
            f.ok("alice", "/role grant @carol manager");
            f.ok("alice", "/role grant @dave manager --service search");

            String write = f.ok("mallory", "/role who-can escalation.write --service payments").plainText();
            String read = f.ok("mallory", "/role who-can incident.read").plainText();
            String ack = f.ok("mallory", "/role who-can incident.ack --service payments").plainText();

            assertThat(write).contains("escalation.write is part of manager").contains("Admins: @alice")
                    .contains("@bob — manager of payments").contains("@carol — manager everywhere")
                    .doesNotContain("@dave").doesNotContain("Everyone");
            assertThat(read).contains("Everyone: the default role is viewer.");
            assertThat(ack).contains("primary on call for payments");
        }
    }

    @Test
    void breakGlassGivesResponderForAnHourAnnouncedAndAudited() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            Reply glass = f.ok("mallory", "/role breakglass INC-9 sev1 and nobody answers");

            assertThat(glass.plainText()).isEqualTo("You are a responder on everything until 15:00 UTC. "
                    + "This was announced in the incidents channel and audited.");
            assertThat(f.ops.postsTo("incidents")).anyMatch(p -> p.text()
                    .contains("@mallory took responder on everything until 15:00 UTC: INC-9 sev1 and nobody answers"));
            assertThat(f.ops.core.audit.forItem("roles", 5)).extracting(AuditEntry::action).contains("role.breakglass");
            f.ok("mallory", "/incident declare sev1 down --service search");
            assertThat(f.ok("mallory", "/role list").plainText()).contains("responder everywhere until 15:00 UTC (break glass)");
            assertThat(f.run("mallory", "/escalation set search --sev1 7m").plainText())
                    .startsWith("/escalation set needs escalation.write");

            f.ops.core.clock.advance(Duration.ofMinutes(61));
            assertThat(f.run("mallory", "/incident ack INC-1").plainText())
                    .startsWith("/incident ack needs incident.ack for search");
        }
    }

    @Test
    void breakingGlassTakesNothingAwayWhenTheHourEnds() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            f.ok("alice", "/role grant @mallory responder");
            f.ok("mallory", "/role breakglass checking the glass");

            f.ops.core.clock.advance(Duration.ofMinutes(61));

            f.ok("mallory", "/incident declare sev3 still here --service payments");
            assertThat(f.ok("mallory", "/role list").plainText()).contains("responder everywhere — from @alice")
                    .doesNotContain("break glass");
        }
    }

    @Test
    void aRoleAloneListsAndATypoIsStillCorrected() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER)) {
            assertThat(f.ok("mallory", "/role").plainText()).contains("viewer everywhere (everyone's default role)");
            assertThat(f.run("alice", "/role grnt @bob manager").plainText())
                    .startsWith("/role has no subcommand “grnt”. Did you mean /role grant?");
        }
    }

    @Test
    void aGrantToAGroupCoversItsMembersIsListedAndIsRevokedFromTheGroup() {
        try (AccessFixture f = new AccessFixture(Role.VIEWER).withServices()) {
            f.groupsOfMallory.add(ChatGroups.key(Platform.CONSOLE, "oncall"));
            assertThat(f.run("mallory", "/incident declare sev3 x --service payments").plainText())
                    .startsWith("/incident declare needs incident.declare for payments");

            assertThat(f.ok("alice", "/role grant @group:oncall responder --service payments").plainText())
                    .contains("@alice made the group “oncall” responder of payments.");

            f.ok("mallory", "/incident declare sev3 x --service payments");
            assertThat(f.run("bob", "/incident declare sev3 y --service payments").plainText())
                    .as("not in the group").startsWith("/incident declare needs incident.declare for payments");
            assertThat(f.ok("bob", "/role list @group:oncall").plainText())
                    .contains("Roles of the group “oncall”").contains("responder of payments — from @alice");
            assertThat(f.ok("mallory", "/role list").plainText())
                    .contains("responder of payments — through the group “oncall” — from @alice");
            assertThat(f.ok("bob", "/role who-can incident.declare --service payments").plainText())
                    .contains("the group “oncall” — responder of payments");
            assertThat(f.run("alice", "/role revoke @mallory responder --service payments").plainText())
                    .as("held through the group, not by mallory")
                    .isEqualTo("@mallory is not responder of payments; /role list @mallory shows what they hold.");

            assertThat(f.ok("alice", "/role revoke @group:oncall responder --service payments").plainText())
                    .contains("@alice took responder of payments from the group “oncall”.");

            assertThat(f.run("mallory", "/incident declare sev3 z --service payments").plainText())
                    .startsWith("/incident declare needs incident.declare for payments");
            assertThat(f.ok("bob", "/role list @group:oncall").plainText()).doesNotContain("responder of payments");
            assertThat(f.ops.core.audit.forItem("payments", 10)).extracting(AuditEntry::after)
                    .contains("group:console:oncall responder of payments");
            assertThat(f.run("alice", "/role grant @group: responder").plainText())
                    .contains("“@group:” is not a person or a group").contains("Usage: /role grant");
        }
    }
}
