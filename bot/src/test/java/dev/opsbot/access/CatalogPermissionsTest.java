package dev.opsbot.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.OpsbotCatalog;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every command in the catalog names a permission, and each permission sits in the role it should. */
class CatalogPermissionsTest {

    private static Map<String, Role> permissions() {
        Map<String, Role> out = new TreeMap<>();
        for (CommandRoot<?> root : OpsbotCatalog.roots()) {
            for (CommandSpec<?> spec : root.commands()) {
                String p = spec.permission(root.name());
                out.put(p, Role.firstHolding(p));
            }
        }
        return out;
    }

    @Test
    void readsNeedAViewerWorkOnIncidentsAResponderAndConfigurationAManager() {
        Map<String, Role> p = permissions();

        assertThat(p).containsEntry("incident.read", Role.VIEWER).containsEntry("escalation.read", Role.VIEWER)
                .containsEntry("audit.read", Role.VIEWER).containsEntry("role.read", Role.VIEWER)
                .containsEntry("role.breakglass", Role.VIEWER)
                .containsEntry("incident.declare", Role.RESPONDER).containsEntry("incident.close", Role.RESPONDER)
                .containsEntry("followup.snooze", Role.RESPONDER).containsEntry("owner.handover", Role.RESPONDER)
                .containsEntry("escalation.write", Role.MANAGER).containsEntry("service.add", Role.MANAGER)
                .containsEntry("oncall.override", Role.MANAGER).containsEntry("oncall.rotation", Role.MANAGER)
                .containsEntry("digest.subscribe", Role.MANAGER).containsEntry("role.grant", Role.MANAGER);
        assertThat(p).doesNotContainKey("escalation.set");
    }

    @Test
    void aPermissionIsDeclaredOrDerivedFromRootAndName() {
        CommandSpec<Object> write = CommandSpec.of("set", "x", (h, c) -> null);
        assertThat(write.permission("escalation")).isEqualTo("escalation.set");
        assertThat(write.readOnly().permission("escalation")).isEqualTo("escalation.read");
        assertThat(write.needs("escalation.write").example("e").readOnly().permission("escalation"))
                .isEqualTo("escalation.write");
    }
}
