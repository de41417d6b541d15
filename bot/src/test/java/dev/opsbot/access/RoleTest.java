package dev.opsbot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import dev.opsbot.command.Refusal;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void eachRoleIncludesTheOneBefore() {
        assertThat(Role.VIEWER.holds("incident.read")).isTrue();
        assertThat(Role.VIEWER.holds("incident.close")).isFalse();
        assertThat(Role.RESPONDER.holds("incident.close")).isTrue();
        assertThat(Role.RESPONDER.holds("change.approve")).isFalse();
        assertThat(Role.APPROVER.holds("change.approve")).isTrue();
        assertThat(Role.APPROVER.holds("escalation.write")).isFalse();
        assertThat(Role.MANAGER.holds("escalation.write")).isTrue();
        assertThat(Role.MANAGER.holds("role.admin")).isFalse();
        assertThat(Role.ADMIN.holds("role.admin")).isTrue();
    }

    @Test
    void aPermissionNobodyPlacedNeedsAManager() {
        assertThat(Role.firstHolding("asset.write")).isEqualTo(Role.MANAGER);
        assertThat(Role.firstHolding("asset.read")).isEqualTo(Role.VIEWER);
    }

    @Test
    void settingsReadPlatformQualifiedAdminsAndTheDefaultRole() {
        RoleSettings s = RoleSettings.parse("slack:U123, discord:456,console:alice", "viewer");
        assertThat(s.enabled()).isTrue();
        assertThat(s.isAdmin(new Actor(Platform.SLACK, "U123", "x"))).isTrue();
        assertThat(s.isAdmin(Actor.console("bob"))).isFalse();
        assertThat(s.defaultRole()).isEqualTo(Role.VIEWER);
        assertThat(RoleSettings.parse(null, null)).isEqualTo(RoleSettings.OPEN);
        assertThat(RoleSettings.parse("", "").enabled()).isFalse();
        assertThatThrownBy(() -> RoleSettings.parse("alice", null))
                .hasMessage("OPSBOT_ADMINS: “alice” is not a platform-qualified person such as slack:U123 or console:alice");
        assertThatThrownBy(() -> RoleSettings.parse("console:alice", "boss"))
                .hasMessage("OPSBOT_DEFAULT_ROLE: “boss” is not a role; choose viewer, responder, approver, manager, admin");
    }

    @Test
    void nobodyApprovesTheirOwnChange() {
        assertThatThrownBy(() -> OwnChanges.refuseSelfApproval(Actor.console("bob"), Actor.console("bob"), "CHG-3"))
                .isInstanceOf(Refusal.class).hasMessage("You asked for CHG-3, so someone else must approve it.");
        OwnChanges.refuseSelfApproval(Actor.console("alice"), Actor.console("bob"), "CHG-3");
    }
}
