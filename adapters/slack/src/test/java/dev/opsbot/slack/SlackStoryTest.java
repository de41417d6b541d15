package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incidents channel hears the end of the story in Slack: the declaration's card is updated
 * with chat.update on the ts Slack gave it, and a reply in its thread says what happened.
 */
class SlackStoryTest {

    static final String SECRET = "story-test-signing-secret";

    FakeSlack slack;
    MongoStore store;
    MutableClock clock = MutableClock.at("2026-11-27T14:00:00Z");

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        store = MongoStore.inMemory();
    }

    @AfterEach
    void stop() {
        store.close();
        slack.close();
    }

    @Test
    void anAcknowledgementUpdatesTheCardAndRepliesInItsThread() throws Exception {
        SlackCore core = new SlackCore(store, clock);
        SlackAdapter adapter = new SlackAdapter(new SlackSettings("xoxb-test", SECRET, null, slack.apiUrl(), null),
                core.router);
        core.outbox.register(adapter.poster());
        try (BoltServer server = new BoltServer(adapter)) {
            SlackClient client = new SlackClient(server.events(), SECRET, slack);
            client.send(client.commandBody("U1", "CDEV", "/incident", "declare sev2 db latency"));
            assertThat(core.outbox.deliverDue()).isEqualTo(1);
            FakeSlack.Call card = slack.nextDelivery();
            assertThat(card.form()).containsEntry("channel", "CINCIDENTS").doesNotContainKey("thread_ts");

            clock.advance(Duration.ofSeconds(2));
            client.send(client.commandBody("U2", "CDEV", "/incident", "ack INC-1"));
            assertThat(core.outbox.deliverDue()).isEqualTo(1);
            assertThat(core.outbox.deliverDue()).isZero();
        } finally {
            adapter.close();
        }

        String ts = "1700000000.000001";
        FakeSlack.Call update = slack.nextUpdate();
        assertThat(update.form()).containsEntry("channel", "CINCIDENTS").containsEntry("ts", ts);
        String blocks = Json.allText(Json.parseArray(update.form().get("blocks")));
        assertThat(blocks).contains("acknowledged").contains("Acknowledged by <@U2>.");
        assertThat(update.form().get("blocks")).doesNotContain("/incident ack INC-1");
        assertThat(slack.pendingUpdates()).isZero();

        FakeSlack.Call reply = slack.nextDelivery();
        assertThat(reply.form()).containsEntry("channel", "CINCIDENTS").containsEntry("thread_ts", ts);
        assertThat(reply.form().get("text")).contains("INC-1").contains("Acknowledged by <@U2>.");
        assertThat(slack.delivered()).hasSize(2);
    }

    @Test
    void aCardSomeoneDeletedIsReplacedByAFreshOneThatLaterChangesUpdate() throws Exception {
        SlackCore core = new SlackCore(store, clock);
        SlackAdapter adapter = new SlackAdapter(new SlackSettings("xoxb-test", SECRET, null, slack.apiUrl(), null),
                core.router);
        core.outbox.register(adapter.poster());
        try (BoltServer server = new BoltServer(adapter)) {
            SlackClient client = new SlackClient(server.events(), SECRET, slack);
            client.send(client.commandBody("U1", "CDEV", "/incident", "declare sev2 db latency"));
            assertThat(core.outbox.deliverDue()).isEqualTo(1);
            slack.failUpdatesWith("message_not_found");
            clock.advance(Duration.ofSeconds(2));
            client.send(client.commandBody("U2", "CDEV", "/incident", "ack INC-1"));
            assertThat(core.outbox.deliverDue()).isEqualTo(1);
            slack.failUpdatesWith(null);
            clock.advance(Duration.ofSeconds(2));
            client.send(client.commandBody("U2", "CDEV", "/incident", "resolve INC-1"));
            assertThat(core.outbox.deliverDue()).isEqualTo(1);
        } finally {
            adapter.close();
        }

        assertThat(slack.delivered()).as("the card, the fresh card, the reply under it").hasSize(3);
        FakeSlack.Call fresh = slack.delivered().get(1);
        assertThat(fresh.form()).doesNotContainKey("thread_ts");
        assertThat(Json.allText(Json.parseArray(fresh.form().get("blocks")))).contains("Acknowledged by <@U2>.");
        assertThat(slack.nextUpdate().form()).containsEntry("ts", "1700000000.000001");
        assertThat(slack.nextUpdate().form()).containsEntry("ts", "1700000000.000002");
        assertThat(slack.delivered().get(2).form()).containsEntry("thread_ts", "1700000000.000002");
    }
}
