package dev.opsbot.discord;

import dev.opsbot.access.SeenGroups;
import dev.opsbot.chat.Outbox;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.incident.OpenIncidentSuggestions;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The core on an in-memory store, a fake Discord on loopback, and a real bot logged in to it.
 * Registered as a test's extension: started before each test, everything closed after it.
 */
final class DiscordFixture implements BeforeEachCallback, AfterEachCallback {

    final CoreFixture core;
    /** The members' roles as the bot records them; a core with roles on reads them through its ChatGroups. */
    final SeenGroups groups;
    FakeDiscordRest rest;
    FakeGateway gateway;
    private DiscordBot bot;

    DiscordFixture(CommandRoot.Binding<?>... extraCommands) {
        this(new CoreFixture(), extraCommands);
    }

    /** On a core wired elsewhere (with more features); the fixture closes it. */
    DiscordFixture(CoreFixture core, CommandRoot.Binding<?>... extraCommands) {
        this(core, new SeenGroups(), extraCommands);
    }

    DiscordFixture(CoreFixture core, SeenGroups groups, CommandRoot.Binding<?>... extraCommands) {
        this.core = core;
        this.groups = groups;
        for (CommandRoot.Binding<?> binding : extraCommands) {
            core.with(binding);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        rest = new FakeDiscordRest();
        gateway = new FakeGateway();
        bot = start(core.outbox);
    }

    /** Logs in again, as a restarted process would, delivering through {@code outbox}. */
    DiscordBot restart(Outbox outbox) {
        bot.close();
        bot = start(outbox);
        return bot;
    }

    private DiscordBot start(Outbox outbox) {
        return DiscordBot.start(new DiscordSettings("fake-token", FakeGateway.GUILD, rest.baseUrl(), gateway.url()),
                core.router(), outbox, new OpenIncidentSuggestions(core.incidents),
                ButtonCommands.inMongo(core.store.database()), groups, Duration.ofMillis(1500));
    }

    /** Sends an interaction over the gateway and returns the bot's callback for it (bounded wait). */
    DataObject interact(DataObject interaction) throws InterruptedException {
        gateway.dispatch("INTERACTION_CREATE", interaction);
        return callback(interaction.getString("id"));
    }

    DataObject callback(String interactionId) throws InterruptedException {
        return rest.await("POST", "/interactions/" + interactionId + "/token-" + interactionId + "/callback", 1)
                .get(0).json();
    }

    /** Whatever started is closed, even if starting failed part way. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (gateway != null) {
            gateway.stop(1000);
        }
        if (rest != null) {
            rest.close();
        }
        core.close();
    }
}
