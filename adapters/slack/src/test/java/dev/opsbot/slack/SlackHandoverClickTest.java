package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.opsbot.ownership.OpsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clicks are per person: a handover's Accept button pressed by someone it was not offered to is
 * refused to them alone, and still works for the person it was offered to.
 */
class SlackHandoverClickTest {

    static final String SECRET = "handover-click-secret";
    static final String MESSAGE_TS = "1700000000.000300";

    FakeSlack slack;
    OpsFixture ops;
    SlackAdapter adapter;
    BoltServer server;
    SlackClient client;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        ops = new OpsFixture();
        adapter = new SlackAdapter(new SlackSettings("xoxb-test", SECRET, null, slack.apiUrl(), null),
                ops.core.router());
        server = new BoltServer(adapter);
        client = new SlackClient(server.events(), SECRET, slack);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        adapter.close();
        ops.close();
        slack.close();
    }

    String clickAccept(String user, JsonArray offer) {
        JsonObject accept = Json.button(offer, "Accept");
        return client.clickBody(user, "C1", MESSAGE_TS, false, Json.actions(offer).get("block_id").getAsString(),
                accept.get("action_id").getAsString(), accept.get("value").getAsString());
    }

    JsonArray offerToBob() throws Exception {
        client.send(client.commandBody("U1", "C1", "/incident", "declare sev2 replica lag"));
        JsonObject offer = client.send(client.commandBody("U1", "C1", "/owner", "handover INC-1 <@U2|u2>")).json();
        assertThat(Json.allText(offer)).contains("<@U1> offers *INC-1*");
        return offer.getAsJsonArray("blocks");
    }

    @Test
    void aWrongPersonsClickDoesNotUseUpTheButtonForTheRightPerson() throws Exception {
        JsonArray offer = offerToBob();

        client.send(clickAccept("U3", offer));
        JsonObject toCarol = Json.parse(slack.nextResponse().body());
        client.send(clickAccept("U2", offer));
        FakeSlack.Call update = slack.nextUpdate();

        assertThat(toCarol.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(Json.allText(toCarol)).contains("is offered to <@U2>, not to you");
        assertThat(update).isNotNull();
        assertThat(update.form()).containsEntry("ts", MESSAGE_TS);
        assertThat(Json.allText(Json.parseArray(update.form().get("blocks"))))
                .contains("<@U2> accepted *INC-1*").doesNotContain("already handled");
        assertThat(ops.core.incidents.find("INC-1").orElseThrow().owner().id()).isEqualTo("U2");
    }

    @Test
    void theRightPersonsDoubleClickStillRunsOnce() throws Exception {
        JsonArray offer = offerToBob();
        String click = clickAccept("U2", offer);

        client.send(click);
        client.send(click);

        assertThat(slack.nextUpdate()).isNotNull();
        assertThat(Json.allText(Json.parse(slack.nextResponse().body()))).contains("already handled");
        assertThat(ops.core.audit.forItem("INC-1", 10)).extracting(e -> e.action())
                .containsOnlyOnce("owner.handover.accept");
    }
}
