package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Buttons: a click runs the button's command as the clicker and redraws the message it sat on. */
class SlackClickTest {

    static final String SECRET = "click-test-signing-secret";
    static final String MESSAGE_TS = "1700000000.000100";

    @RegisterExtension
    final SlackFixture app = new SlackFixture(SECRET, null);

    JsonArray declare() throws Exception {
        return app.client.send(app.client.commandBody("U1", "C1", "/incident", "declare sev2 db latency")).json()
                .getAsJsonArray("blocks");
    }

    String click(String user, JsonArray blocks, String label) {
        JsonObject button = Json.button(blocks, label);
        return app.client.clickBody(user, "C1", MESSAGE_TS, false, Json.actions(blocks).get("block_id").getAsString(),
                button.get("action_id").getAsString(), button.get("value").getAsString());
    }

    @Test
    void aClickRunsTheCommandAsTheClickerAndUpdatesTheOriginalMessage() throws Exception {
        JsonArray card = declare();

        var acked = app.client.send(click("U2", card, "Acknowledge"));

        assertThat(acked.status()).isEqualTo(200);
        FakeSlack.Call update = app.slack.nextUpdate();
        assertThat(update).isNotNull();
        assertThat(update.form()).containsEntry("channel", "C1").containsEntry("ts", MESSAGE_TS);
        JsonArray redrawn = Json.parseArray(update.form().get("blocks"));
        assertThat(Json.allText(redrawn)).contains("Acknowledged by <@U2>.", "*Status*\nacknowledged");
        assertThat(Json.button(redrawn, "Resolve").get("value").getAsString()).isEqualTo("/incident resolve INC-1");
        assertThat(Json.actions(redrawn).get("block_id").getAsString())
                .isNotEqualTo(Json.actions(card).get("block_id").getAsString());
        Incident stored = app.core.incidents.find("INC-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(stored.acknowledgedBy()).isEqualTo(new Actor(Platform.SLACK, "U2", "u2"));
    }

    @Test
    void aDoubleClickRunsTheCommandOnce() throws Exception {
        JsonArray card = declare();
        String body = click("U2", card, "Acknowledge");

        app.client.send(body);
        app.client.send(body);

        FakeSlack.Call update = app.slack.nextUpdate();
        FakeSlack.Call response = app.slack.nextResponse();
        assertThat(update).isNotNull();
        assertThat(response).isNotNull();
        JsonObject toClicker = Json.parse(response.body());
        assertThat(toClicker.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(Json.allText(toClicker)).contains("already handled");
        assertThat(app.slack.pendingUpdates()).isZero();
        assertThat(app.core.audit.forItem("INC-1", 10)).extracting(e -> e.action())
                .containsExactlyInAnyOrder("incident.declare", "incident.ack");
    }

    @Test
    void aClickOnTheRedrawnMessageIsANewRequest() throws Exception {
        JsonArray card = declare();
        app.client.send(click("U2", card, "Acknowledge"));
        JsonArray redrawn = Json.parseArray(app.slack.nextUpdate().form().get("blocks"));

        app.client.send(click("U2", redrawn, "Resolve"));

        FakeSlack.Call second = app.slack.nextUpdate();
        assertThat(second).isNotNull();
        assertThat(Json.allText(Json.parseArray(second.form().get("blocks")))).contains("Resolved by <@U2>.");
        assertThat(app.core.incidents.find("INC-1").orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void aRefusedClickIsToldOnlyToTheClickerAndLeavesTheMessageAlone() throws Exception {
        JsonArray card = declare();
        app.client.send(click("U2", card, "Acknowledge"));
        app.slack.nextUpdate();
        // Someone else still sees the old card and clicks its Acknowledge button.
        String stale = app.client.clickBody("U3", "C1", MESSAGE_TS, false, "opsbot-otherrendering",
                "opsbot-run-0", "/incident ack INC-1");

        app.client.send(stale);

        JsonObject toClicker = Json.parse(app.slack.nextResponse().body());
        assertThat(toClicker.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(toClicker.get("replace_original").getAsBoolean()).isFalse();
        assertThat(Json.allText(toClicker)).contains("INC-1 was already acknowledged by <@U2>");
        assertThat(app.slack.pendingUpdates()).isZero();
        assertThat(app.core.incidents.find("INC-1").orElseThrow().acknowledgedBy().id()).isEqualTo("U2");
    }

    @Test
    void whenSlackWillNotLetTheBotEditTheMessageItIsReplacedThroughTheResponseUrl() throws Exception {
        JsonArray card = declare();
        app.slack.failUpdatesWith("cant_update_message");

        app.client.send(click("U2", card, "Acknowledge"));

        assertThat(app.slack.nextUpdate()).isNotNull();
        JsonObject replaced = Json.parse(app.slack.nextResponse().body());
        assertThat(replaced.get("replace_original").getAsBoolean()).isTrue();
        assertThat(Json.allText(replaced)).contains("Acknowledged by <@U2>.");
    }
}
