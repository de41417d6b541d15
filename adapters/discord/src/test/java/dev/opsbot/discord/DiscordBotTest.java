package dev.opsbot.discord;

import static dev.opsbot.discord.InteractionPayloads.newId;
import static dev.opsbot.discord.InteractionPayloads.option;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real JDA client against a fake Discord (REST and gateway) on loopback, with the real core. */
class DiscordBotTest {

    @RegisterExtension
    final DiscordFixture discord = new DiscordFixture();

    @Test
    void logsInWithNoPrivilegedIntentsAndOverwritesTheGuildCommandsWithTheCatalog() {
        assertThat(discord.gateway.identifies()).hasSize(1);
        // Only GUILDS (bit 0), which JDA always asks for and Discord does not treat as privileged.
        assertThat(discord.gateway.identifies().get(0).getInt("intents")).isEqualTo(1);
        assertThat(discord.gateway.identifies().get(0).getString("token")).isEqualTo("fake-token");
        assertThat(discord.gateway.paths()).containsExactly("/?encoding=json&v=10");

        List<FakeDiscordRest.Call> puts = discord.rest.calls("PUT", "/applications/900/guilds/300/commands");
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).jsonArray().toList())
                .isEqualTo(DataArray.fromJson(DiscordRegistration.json(discord.core.router().catalog())).toList());
        assertThat(discord.rest.calls("PUT", "/applications/900/commands")).isEmpty();
    }

    @Test
    void aSlashCommandRunsAsTheMemberAndIsAnsweredPubliclyWithAnEmbedAndButtons() throws Exception {
        DataObject callback = discord.interact(InteractionPayloads.slash(newId(), "100", "alice", "incident", "declare",
                option("severity", 3, "sev2"), option("title", 3, "db latency @everyone <@&55> **loud**")));

        assertThat(callback.getInt("type")).isEqualTo(4);
        DataObject message = callback.getObject("data");
        assertThat(message.getInt("flags", 0) & 64).isZero();
        assertThat(message.getString("content")).isEqualTo("Declared by <@100>.");
        DataObject embed = message.getArray("embeds").getObject(0);
        assertThat(embed.getString("title"))
                .isEqualTo("**INC-1** · sev2 · db latency \\@everyone \\<\\@&55> \\*\\*loud\\*\\*");
        assertThat(embed.getArray("fields").getObject(2).getString("value")).isEqualTo("<@100>");
        assertThat(message.getObject("allowed_mentions").getArray("parse").toList()).containsExactly("users");
        DataArray buttons = message.getArray("components").getObject(0).getArray("components");
        assertThat(buttons.getObject(0).getString("custom_id")).isEqualTo("run:/incident ack INC-1");
        assertThat(buttons.getObject(0).getString("label")).isEqualTo("Acknowledge");

        var stored = discord.core.incidents.find("INC-1").orElseThrow();
        assertThat(stored.title()).isEqualTo("db latency @everyone <@&55> **loud**");
        assertThat(stored.declaredBy().key()).isEqualTo("discord:100");
        assertThat(stored.declaredBy().name()).isEqualTo("alice");
        assertThat(stored.channel()).isEqualTo(new ChannelRef(Platform.DISCORD, "500", "ops"));
    }

    @Test
    void badInputIsAnsweredEphemerallyWithTheUsage() throws Exception {
        DataObject callback = discord.interact(InteractionPayloads.slash(newId(), "100", "alice", "incident", "ack",
                option("id", 3, "INC-77")));

        assertAnsweredPrivately(callback, "There is no incident INC-77.\nUsage: /incident ack \\<INC-N>");
    }

    @Test
    void aPersonOptionArrivesAsAMentionAndKeepsTheNameDiscordResolved() throws Exception {
        discord.core.run("alice", "/incident declare sev2 db latency");

        DataObject callback = discord.interact(InteractionPayloads.withResolvedUser(
                InteractionPayloads.slash(newId(), "100", "alice", "incident", "assign",
                        option("id", 3, "INC-1"), option("owner", 6, "200")),
                "200", "bob"));

        assertThat(callback.getObject("data").getString("content")).isEqualTo("<@100> made <@200> the owner.");
        var owner = discord.core.incidents.find("INC-1").orElseThrow().owner();
        assertThat(owner.key()).isEqualTo("discord:200");
        assertThat(owner.name()).isEqualTo("bob");
    }

    @Test
    void aButtonRunsItsCommandAsTheClickerAndEditsTheMessageItSitsOn() throws Exception {
        discord.core.run("alice", "/incident declare sev2 db latency");

        DataObject callback = discord.interact(
                InteractionPayloads.button(newId(), "200", "bob", "run:/incident ack INC-1", false));

        assertThat(callback.getInt("type")).isEqualTo(7);
        assertThat(callback.getObject("data").getString("content")).isEqualTo("Acknowledged by <@200>.");
        assertThat(discord.core.incidents.find("INC-1").orElseThrow().acknowledgedBy().key()).isEqualTo("discord:200");
    }

    @Test
    void aButtonRefusedForTheClickerAnswersOnlyThem() throws Exception {
        discord.core.run("alice", "/incident declare sev2 db latency");
        discord.core.run("alice", "/incident ack INC-1");

        DataObject callback = discord.interact(
                InteractionPayloads.button(newId(), "200", "bob", "run:/incident ack INC-1", false));

        assertAnsweredPrivately(callback, "INC-1 was already acknowledged by \\@alice at 14:00 UTC.");
    }

    @Test
    void aButtonOnAPrivateMessageAnswersTheChannelWithANewMessage() throws Exception {
        discord.core.run("alice", "/incident declare sev2 db latency");

        DataObject callback = discord.interact(
                InteractionPayloads.button(newId(), "200", "bob", "run:/incident ack INC-1", true));

        assertThat(callback.getInt("type")).isEqualTo(4);
        assertThat(callback.getObject("data").getInt("flags", 0) & 64).isZero();
        assertThat(callback.getObject("data").getString("content")).isEqualTo("Acknowledged by <@200>.");
    }

    @Test
    void anUnknownButtonIdTellsTheClickerPrivately() throws Exception {
        DataObject callback = discord.interact(InteractionPayloads.button(newId(), "200", "bob", "ref:forgotten", false));

        assertAnsweredPrivately(callback, "This button no longer works; type the command instead.");
    }

    @Test
    void autocompleteOffersOpenIncidents() throws Exception {
        discord.core.run("alice", "/incident declare sev2 db latency");
        discord.core.run("alice", "/incident declare sev1 checkout down");

        DataObject callback = discord.interact(InteractionPayloads.autocomplete(newId(), "incident", "ack", "id", "check"));

        assertThat(callback.getInt("type")).isEqualTo(8);
        DataArray choices = callback.getObject("data").getArray("choices");
        assertThat(choices.length()).isEqualTo(1);
        assertThat(choices.getObject(0).getString("name")).isEqualTo("INC-2 · sev1 · checkout down");
        assertThat(choices.getObject(0).getString("value")).isEqualTo("INC-2");
    }

    /** A new message (callback type 4) that only the person who used the interaction sees (flag 64). */
    private static void assertAnsweredPrivately(DataObject callback, String content) {
        assertThat(callback.getInt("type")).isEqualTo(4);
        assertThat(callback.getObject("data").getInt("flags") & 64).isEqualTo(64);
        assertThat(callback.getObject("data").getString("content")).isEqualTo(content);
    }
}
