package dev.opsbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.MongoOutbox;
import dev.opsbot.chat.Outbox;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.Refusal;
import dev.opsbot.command.Suggestions;
import dev.opsbot.incident.OpenIncidentSuggestions;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JDA client against a fake Discord (REST and gateway) on loopback, with the real core. */
class DiscordBotTest {

    private CoreFixture core;
    private FakeDiscordRest rest;
    private FakeGateway gateway;
    private DiscordBot bot;
    private final CountDownLatch release = new CountDownLatch(1);

    /** A command that waits for the test, to take longer than the bot's patience. */
    private static final CommandRoot<CountDownLatch> SLOW = CommandRoot.of("slow", "Takes its time",
            CommandSpec.<CountDownLatch>of("public", "Answers the channel late", (latch, call) -> {
                awaitQuietly(latch);
                return Reply.toChannel("Done slowly").text("finished").build();
            }),
            CommandSpec.<CountDownLatch>of("private", "Refuses late", (latch, call) -> {
                awaitQuietly(latch);
                throw Refusal.because("Not today.");
            }));

    @BeforeEach
    void start() throws Exception {
        core = new CoreFixture().with(SLOW.handledBy(release));
        rest = new FakeDiscordRest();
        gateway = new FakeGateway();
        bot = DiscordBot.start(new DiscordSettings("fake-token", FakeGateway.GUILD, rest.baseUrl(), gateway.url()),
                core.router(), core.outbox, new OpenIncidentSuggestions(core.incidents),
                ButtonCommands.inMongo(core.store.database()), Duration.ofMillis(1500));
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        if (bot != null) {
            bot.close();
        }
        gateway.stop(1000);
        rest.close();
        core.close();
    }

    @Test
    void logsInWithNoPrivilegedIntentsAndOverwritesTheGuildCommandsWithTheCatalog() {
        assertThat(gateway.identifies()).hasSize(1);
        // Only GUILDS (bit 0), which JDA always asks for and Discord does not treat as privileged.
        assertThat(gateway.identifies().get(0).getInt("intents")).isEqualTo(1);
        assertThat(gateway.identifies().get(0).getString("token")).isEqualTo("fake-token");
        assertThat(gateway.paths()).containsExactly("/?encoding=json&v=10");

        List<FakeDiscordRest.Call> puts = rest.calls("PUT", "/applications/900/guilds/300/commands");
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).jsonArray().toList())
                .isEqualTo(DataArray.fromJson(DiscordRegistration.json(core.router().catalog())).toList());
        assertThat(rest.calls("PUT", "/applications/900/commands")).isEmpty();
    }

    @Test
    void aSlashCommandRunsAsTheMemberAndIsAnsweredPubliclyWithAnEmbedAndButtons() throws Exception {
        String id = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.slash(id, "100", "alice", "incident", "declare",
                InteractionPayloads.option("severity", 3, "sev2"),
                InteractionPayloads.option("title", 3, "db latency @everyone <@&55> **loud**")));

        DataObject callback = rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();

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

        var stored = core.incidents.find("INC-1").orElseThrow();
        assertThat(stored.title()).isEqualTo("db latency @everyone <@&55> **loud**");
        assertThat(stored.declaredBy().key()).isEqualTo("discord:100");
        assertThat(stored.declaredBy().name()).isEqualTo("alice");
        assertThat(stored.channel()).isEqualTo(new ChannelRef(Platform.DISCORD, "500", "ops"));
    }

    @Test
    void badInputIsAnsweredEphemerallyWithTheUsage() throws Exception {
        String id = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.slash(id, "100", "alice", "incident", "ack",
                InteractionPayloads.option("id", 3, "INC-77")));

        DataObject callback = rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();

        assertThat(callback.getInt("type")).isEqualTo(4);
        assertThat(callback.getObject("data").getInt("flags") & 64).isEqualTo(64);
        assertThat(callback.getObject("data").getString("content"))
                .isEqualTo("There is no incident INC-77.\nUsage: /incident ack \\<INC-N>");
    }

    @Test
    void aButtonRunsItsCommandAsTheClickerAndEditsTheMessageItSitsOn() throws Exception {
        String id = InteractionPayloads.newId();
        core.run("alice", "/incident declare sev2 db latency");

        gateway.dispatch("INTERACTION_CREATE",
                InteractionPayloads.button(id, "200", "bob", "run:/incident ack INC-1", false));

        DataObject callback = rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();
        assertThat(callback.getInt("type")).isEqualTo(7);
        assertThat(callback.getObject("data").getString("content")).isEqualTo("Acknowledged by <@200>.");
        assertThat(core.incidents.find("INC-1").orElseThrow().acknowledgedBy().key()).isEqualTo("discord:200");
    }

    @Test
    void aButtonRefusedForTheClickerAnswersOnlyThem() throws Exception {
        String id = InteractionPayloads.newId();
        core.run("alice", "/incident declare sev2 db latency");
        core.run("alice", "/incident ack INC-1");

        gateway.dispatch("INTERACTION_CREATE",
                InteractionPayloads.button(id, "200", "bob", "run:/incident ack INC-1", false));

        DataObject callback = rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();
        assertThat(callback.getInt("type")).isEqualTo(4);
        assertThat(callback.getObject("data").getInt("flags") & 64).isEqualTo(64);
        assertThat(callback.getObject("data").getString("content")).isEqualTo("INC-1 was already acknowledged by \\@alice at 14:00 UTC.");
    }

    @Test
    void aPersonOptionArrivesAsAMentionAndKeepsTheNameDiscordResolved() throws Exception {
        core.run("alice", "/incident declare sev2 db latency");
        String id = InteractionPayloads.newId();

        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.withResolvedUser(
                InteractionPayloads.slash(id, "100", "alice", "incident", "assign",
                        InteractionPayloads.option("id", 3, "INC-1"), InteractionPayloads.option("owner", 6, "200")),
                "200", "bob"));

        DataObject callback = rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();
        assertThat(callback.getObject("data").getString("content")).isEqualTo("<@100> made <@200> the owner.");
        var owner = core.incidents.find("INC-1").orElseThrow().owner();
        assertThat(owner.key()).isEqualTo("discord:200");
        assertThat(owner.name()).isEqualTo("bob");
    }

    @Test
    void aButtonOnAPrivateMessageAnswersTheChannelWithANewMessage() throws Exception {
        core.run("alice", "/incident declare sev2 db latency");
        String id = InteractionPayloads.newId();

        gateway.dispatch("INTERACTION_CREATE",
                InteractionPayloads.button(id, "200", "bob", "run:/incident ack INC-1", true));

        DataObject callback = rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();
        assertThat(callback.getInt("type")).isEqualTo(4);
        assertThat(callback.getObject("data").getInt("flags", 0) & 64).isZero();
        assertThat(callback.getObject("data").getString("content")).isEqualTo("Acknowledged by <@200>.");
    }

    @Test
    void anUnknownButtonIdTellsTheClickerPrivately() throws Exception {
        String id = InteractionPayloads.newId();

        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.button(id, "200", "bob", "ref:forgotten", false));

        DataObject callback = rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();
        assertThat(callback.getObject("data").getInt("flags") & 64).isEqualTo(64);
        assertThat(callback.getObject("data").getString("content"))
                .isEqualTo("This button no longer works; type the command instead.");
    }

    @Test
    void autocompleteOffersOpenIncidents() throws Exception {
        String id = InteractionPayloads.newId();
        core.run("alice", "/incident declare sev2 db latency");
        core.run("alice", "/incident declare sev1 checkout down");

        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.autocomplete(id, "incident", "ack", "id", "check"));

        DataObject callback = rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();
        assertThat(callback.getInt("type")).isEqualTo(8);
        DataArray choices = callback.getObject("data").getArray("choices");
        assertThat(choices.length()).isEqualTo(1);
        assertThat(choices.getObject(0).getString("name")).isEqualTo("INC-2 · sev1 · checkout down");
        assertThat(choices.getObject(0).getString("value")).isEqualTo("INC-2");
    }

    @Test
    void announcementsArePostedOnceThroughTheOutboxWaitingOutARateLimit() throws Exception {
        rest.failNextMessages(429);
        ChannelRef ops = new ChannelRef(Platform.DISCORD, FakeGateway.CHANNEL, "ops");
        Reply card = Reply.toChannel("INC-9 declared").text("@everyone look").build();

        core.outbox.announce(ops, card, "INC-9:declared:discord:500");
        core.outbox.announce(ops, card, "INC-9:declared:discord:500");
        int sent = core.outbox.deliverDue();

        assertThat(sent).isEqualTo(1);
        assertThat(rest.calls("POST", "/channels/500/messages")).hasSize(2);
        assertThat(core.outbox.deliverDue()).isZero();
        DataObject posted = rest.calls("POST", "/channels/500/messages").get(1).json();
        assertThat(posted.getString("content")).isEqualTo("\\@everyone look");
        assertThat(posted.getObject("allowed_mentions").getArray("parse").toList()).containsExactly("users");
    }

    @Test
    void aSlowCommandIsDeferredInTimeAndItsAnswerEditsTheDeferredReply() throws Exception {
        String id = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.slash(id, "100", "alice", "slow", "public"));

        DataObject deferral = rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();
        assertThat(deferral.getInt("type")).isEqualTo(5);
        assertThat(rest.calls("PATCH", "/webhooks/900/token-" + id + "/messages/@original")).isEmpty();
        release.countDown();

        DataObject edit = rest.await("PATCH", "/webhooks/900/token-" + id + "/messages/@original", 1).get(0).json();
        assertThat(edit.getString("content")).isEqualTo("finished");
        assertThat(edit.getArray("embeds").getObject(0).getString("title")).isEqualTo("Done slowly");
    }

    @Test
    void aSlowRefusalReplacesThePublicDeferralWithAPrivateAnswer() throws Exception {
        String id = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.slash(id, "100", "alice", "slow", "private"));
        rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1);
        release.countDown();

        List<FakeDiscordRest.Call> followUps = rest.await("POST", "/webhooks/900/token-" + id, 1);
        List<String> order = FakeDiscordRest.paths(rest.calls()).stream().filter(p -> p.contains("token-" + id)).toList();
        assertThat(order).containsExactly("POST /interactions/" + id + "/token-" + id + "/callback",
                "DELETE /webhooks/900/token-" + id + "/messages/@original", "POST /webhooks/900/token-" + id);
        assertThat(followUps.get(0).json().getString("content")).isEqualTo("Not today.");
        assertThat(followUps.get(0).json().getInt("flags") & 64).isEqualTo(64);
        assertThat(rest.calls("PATCH", "/webhooks/900/token-" + id + "/messages/@original")).isEmpty();
    }

    @Test
    void aSlowButtonDefersTheEditAndThenEditsTheMessage() throws Exception {
        String id = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE",
                InteractionPayloads.button(id, "200", "bob", "run:/slow public", false));

        DataObject deferral = rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();
        assertThat(deferral.getInt("type")).isEqualTo(6);
        release.countDown();

        DataObject edit = rest.await("PATCH", "/webhooks/900/token-" + id + "/messages/@original", 1).get(0).json();
        assertThat(edit.getString("content")).isEqualTo("finished");
    }

    @Test
    void aMessageThatFailedBeforeARestartIsDeliveredOnceByTheNextProcess() throws Exception {
        rest.failNextMessages(500);
        ChannelRef ops = new ChannelRef(Platform.DISCORD, FakeGateway.CHANNEL, "ops");
        core.outbox.announce(ops, Reply.toChannel("INC-3 escalated").build(), "INC-3:escalated:1");
        assertThat(core.outbox.deliverDue()).isZero();
        bot.close();
        bot = null;

        Outbox afterRestart = new Outbox(new MongoOutbox(core.store.database()), core.clock);
        bot = DiscordBot.start(new DiscordSettings("fake-token", FakeGateway.GUILD, rest.baseUrl(), gateway.url()),
                core.router(), afterRestart, Suggestions.NONE, ButtonCommands.inMongo(core.store.database()));
        core.clock.advance(Duration.ofMinutes(1));

        assertThat(afterRestart.deliverDue()).isEqualTo(1);
        assertThat(afterRestart.deliverDue()).isZero();
        assertThat(rest.calls("POST", "/channels/500/messages")).hasSize(2);
        assertThat(rest.calls("POST", "/channels/500/messages").get(1).json().getArray("embeds").getObject(0)
                .getString("title")).isEqualTo("INC-3 escalated");
    }

    @Test
    void aChannelDiscordRefusesIsGivenUpOnAtOnce() throws Exception {
        rest.failNextMessages(403);
        ChannelRef ops = new ChannelRef(Platform.DISCORD, FakeGateway.CHANNEL, "ops");
        core.outbox.announce(ops, Reply.toChannel("INC-4 declared").build(), "INC-4:declared");
        ChannelRef unknown = new ChannelRef(Platform.DISCORD, "999", "gone");
        core.outbox.announce(unknown, Reply.toChannel("INC-4 declared").build(), "INC-4:declared:gone");

        assertThat(core.outbox.deliverDue()).isZero();
        core.clock.advance(Duration.ofHours(1));

        assertThat(core.outbox.deliverDue()).isZero();
        assertThat(rest.calls("POST", "/channels/\\d+/messages")).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the slow command");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
