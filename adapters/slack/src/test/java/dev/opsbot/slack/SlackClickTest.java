package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentStatus;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buttons: a click runs the button's command as the clicker and redraws the message it sat on. */
class SlackClickTest {

    static final String SECRET = "click-test-signing-secret";
    static final String MESSAGE_TS = "1700000000.000100";

    FakeSlack slack;
    MongoStore store;
    SlackCore core;
    SlackAdapter adapter;
    BoltServer server;
    SlackClient client;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        store = MongoStore.inMemory();
        core = new SlackCore(store, MutableClock.at("2026-11-27T14:00:00Z"));
        adapter = new SlackAdapter(new SlackSettings("xoxb-test", SECRET, null, slack.apiUrl(), null), core.router);
        server = new BoltServer(adapter.app());
        client = new SlackClient(server.eventsUrl(), SECRET, slack);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        adapter.close();
        store.close();
        slack.close();
    }

    JsonArray declare() throws Exception {
        return client.send(client.commandBody("U1", "C1", "/incident", "declare sev2 db latency")).json()
                .getAsJsonArray("blocks");
    }

    String click(String user, JsonArray blocks, String label) {
        JsonObject button = Json.button(blocks, label);
        return client.clickBody(user, "C1", MESSAGE_TS, false, Json.actions(blocks).get("block_id").getAsString(),
                button.get("action_id").getAsString(), button.get("value").getAsString());
    }

    @Test
    void aClickRunsTheCommandAsTheClickerAndUpdatesTheOriginalMessage() throws Exception {
        JsonArray card = declare();

        var acked = client.send(click("U2", card, "Acknowledge"));

        assertThat(acked.status()).isEqualTo(200);
        FakeSlack.Call update = slack.nextUpdate();
        assertThat(update).isNotNull();
        assertThat(update.form()).containsEntry("channel", "C1").containsEntry("ts", MESSAGE_TS);
        JsonArray redrawn = Json.parseArray(update.form().get("blocks"));
        assertThat(Json.allText(redrawn)).contains("Acknowledged by <@U2>.", "*Status*\nacknowledged");
        assertThat(Json.button(redrawn, "Resolve").get("value").getAsString()).isEqualTo("/incident resolve INC-1");
        assertThat(Json.actions(redrawn).get("block_id").getAsString())
                .isNotEqualTo(Json.actions(card).get("block_id").getAsString());
        Incident stored = core.incidents.find("INC-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(stored.acknowledgedBy()).isEqualTo(new Actor(Platform.SLACK, "U2", "u2"));
    }

    @Test
    void aDoubleClickRunsTheCommandOnce() throws Exception {
        JsonArray card = declare();
        String body = click("U2", card, "Acknowledge");

        client.send(body);
        client.send(body);

        FakeSlack.Call update = slack.nextUpdate();
        FakeSlack.Call response = slack.nextResponse();
        assertThat(update).isNotNull();
        assertThat(response).isNotNull();
        JsonObject toClicker = Json.parse(response.body());
        assertThat(toClicker.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(Json.allText(toClicker)).contains("already handled");
        assertThat(slack.pendingUpdates()).isZero();
        assertThat(core.audit.forItem("INC-1", 10)).extracting(e -> e.action())
                .containsExactlyInAnyOrder("incident.declare", "incident.ack");
    }

    @Test
    void aClickOnTheRedrawnMessageIsANewRequest() throws Exception {
        JsonArray card = declare();
        client.send(click("U2", card, "Acknowledge"));
        JsonArray redrawn = Json.parseArray(slack.nextUpdate().form().get("blocks"));

        client.send(click("U2", redrawn, "Resolve"));

        FakeSlack.Call second = slack.nextUpdate();
        assertThat(second).isNotNull();
        assertThat(Json.allText(Json.parseArray(second.form().get("blocks")))).contains("Resolved by <@U2>.");
        assertThat(core.incidents.find("INC-1").orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void aRefusedClickIsToldOnlyToTheClickerAndLeavesTheMessageAlone() throws Exception {
        JsonArray card = declare();
        client.send(click("U2", card, "Acknowledge"));
        slack.nextUpdate();
        // Someone else still sees the old card and clicks its Acknowledge button.
        String stale = client.clickBody("U3", "C1", MESSAGE_TS, false, "opsbot-otherrendering",
                "opsbot-run-0", "/incident ack INC-1");

        client.send(stale);

        JsonObject toClicker = Json.parse(slack.nextResponse().body());
        assertThat(toClicker.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(toClicker.get("replace_original").getAsBoolean()).isFalse();
        assertThat(Json.allText(toClicker)).contains("INC-1 was already acknowledged by <@U2>");
        assertThat(slack.pendingUpdates()).isZero();
        assertThat(core.incidents.find("INC-1").orElseThrow().acknowledgedBy().id()).isEqualTo("U2");
    }

    @Test
    void whenSlackWillNotLetTheBotEditTheMessageItIsReplacedThroughTheResponseUrl() throws Exception {
        JsonArray card = declare();
        slack.failUpdatesWith("cant_update_message");

        client.send(click("U2", card, "Acknowledge"));

        assertThat(slack.nextUpdate()).isNotNull();
        JsonObject replaced = Json.parse(slack.nextResponse().body());
        assertThat(replaced.get("replace_original").getAsBoolean()).isTrue();
        assertThat(Json.allText(replaced)).contains("Acknowledged by <@U2>.");
    }
}
