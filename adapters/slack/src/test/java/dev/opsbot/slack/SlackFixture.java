package dev.opsbot.slack;

import dev.opsbot.command.CommandRoot;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The core on an in-memory store, the fake Web API, the adapter's Bolt app served over HTTP, and a
 * client that signs with the adapter's secret. Registered as a test's extension: started before
 * each test, everything closed after it.
 */
final class SlackFixture implements BeforeEachCallback, AfterEachCallback {

    private final String secret;
    private final Duration ackBudget;
    private final CommandRoot.Binding<?>[] extraCommands;
    FakeSlack slack;
    SlackCore core;
    SlackClient client;
    private MongoStore store;
    private SlackAdapter adapter;
    private BoltServer server;

    /** {@code ackBudget} null: the adapter's default. */
    SlackFixture(String secret, Duration ackBudget, CommandRoot.Binding<?>... extraCommands) {
        this.secret = secret;
        this.ackBudget = ackBudget;
        this.extraCommands = extraCommands;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        slack = new FakeSlack();
        store = MongoStore.inMemory();
        core = new SlackCore(store, MutableClock.at("2026-11-27T14:00:00Z"), extraCommands);
        adapter = new SlackAdapter(new SlackSettings("xoxb-test", secret, null, slack.apiUrl(), ackBudget),
                core.router);
        server = new BoltServer(adapter);
        client = new SlackClient(server.events(), secret, slack);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        server.close();
        adapter.close();
        store.close();
        slack.close();
    }
}
