package dev.opsbot.discord;

import static dev.opsbot.discord.InteractionPayloads.newId;
import static dev.opsbot.discord.InteractionPayloads.option;
import static dev.opsbot.discord.InteractionPayloads.slash;
import static dev.opsbot.discord.InteractionPayloads.withMemberRoles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.access.Grants;
import dev.opsbot.access.OnShift;
import dev.opsbot.access.Role;
import dev.opsbot.access.RoleCommands;
import dev.opsbot.access.RolePolicy;
import dev.opsbot.access.RoleSettings;
import dev.opsbot.access.Roles;
import dev.opsbot.access.SeenGroups;
import dev.opsbot.access.ServiceScope;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import dev.opsbot.testing.CoreFixture;
import java.time.ZoneOffset;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Roles on, with a Discord role as a chat group: the real JDA client reads the member's roles from
 * each interaction, and a grant to the role counts for whoever Discord says holds it at that moment.
 */
class DiscordRoleGroupsTest {

    private static final String ALICE = "100";
    private static final String BOB = "200";
    private static final String CAROL = "300";

    private final CoreFixture core = new CoreFixture();
    private final SeenGroups groups = new SeenGroups();
    private final Roles roles = new Roles(new RoleSettings(List.of(new Actor(Platform.DISCORD, ALICE, "alice")), Role.VIEWER),
            Grants.inMongo(core.store.database()), OnShift.NOBODY, groups, core.clock);

    @RegisterExtension
    final DiscordFixture discord = new DiscordFixture(core, groups, RoleCommands.ROOT.handledBy(
            new RoleCommands(roles, core.audit, core.outbox, List.of(), service -> true, ZoneOffset.UTC)));

    DiscordRoleGroupsTest() {
        core.router().useAccess(new RolePolicy(roles, new ServiceScope(List.of()), core.audit));
    }

    @Test
    void aMemberHoldingAGrantedRoleMayDeclareAndIsRefusedBeforeTheGrantAndAfterLosingTheRole() throws Exception {
        DataObject before = discord.interact(withMemberRoles(declare(BOB, "bob"), FakeGateway.SRE_ROLE));
        assertRefused(before);

        DataObject granted = discord.interact(InteractionPayloads.withResolvedRole(slash(newId(), ALICE, "alice", "role",
                "grant", option("who", 9, FakeGateway.SRE_ROLE), option("role", 3, "responder")),
                FakeGateway.SRE_ROLE, "SRE"));
        assertThat(text(granted)).contains("<@100> made the group “SRE” responder everywhere.");

        DataObject member = discord.interact(withMemberRoles(declare(BOB, "bob"), FakeGateway.SRE_ROLE));
        assertThat(member.getObject("data").getInt("flags", 0) & 64).as("answered in the channel").isZero();
        assertThat(core.incidents.find("INC-1").orElseThrow().declaredBy().key()).isEqualTo("discord:" + BOB);

        assertRefused(discord.interact(declare(CAROL, "carol")));
        assertRefused(discord.interact(declare(BOB, "bob")));
        assertThat(core.incidents.find("INC-2")).as("neither the non-member nor bob once the role is gone").isEmpty();

        DataObject whoCan = discord.interact(slash(newId(), CAROL, "carol", "role", "who-can",
                option("permission", 3, "incident.declare")));
        assertThat(text(whoCan)).contains("the group “SRE” — responder everywhere");
    }

    @Test
    void theEveryoneRoleCountsForEveryMemberOfTheGuild() throws Exception {
        discord.interact(InteractionPayloads.withResolvedRole(slash(newId(), ALICE, "alice", "role", "grant",
                option("who", 9, FakeGateway.GUILD), option("role", 3, "responder")), FakeGateway.GUILD, "@everyone"));

        DataObject declared = discord.interact(declare(CAROL, "carol"));

        assertThat(declared.getObject("data").getInt("flags", 0) & 64).isZero();
        assertThat(core.incidents.find("INC-1")).isPresent();
    }

    private static DataObject declare(String userId, String name) {
        return slash(newId(), userId, name, "incident", "declare", option("severity", 3, "sev3"),
                option("title", 3, "disk filling"));
    }

    private static void assertRefused(DataObject callback) {
        assertThat(callback.getObject("data").getInt("flags") & 64).isEqualTo(64);
        assertThat(callback.getObject("data").getString("content"))
                .startsWith("/incident declare needs incident.declare; ask an admin: <@100>");
    }

    /** Everything a person would read in the answer: its content and its embeds. */
    private static String text(DataObject callback) {
        return callback.getObject("data").toString();
    }
}
