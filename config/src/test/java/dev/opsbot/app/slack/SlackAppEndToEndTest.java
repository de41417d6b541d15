package dev.opsbot.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.slack.FakeSlack;
import dev.opsbot.slack.Json;
import dev.opsbot.slack.LogCapture;
import dev.opsbot.slack.SlackClient;
import dev.opsbot.slack.SlackJunk;
import dev.opsbot.slack.SlackSigner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application with SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_API_URL pointing
 * at a fake Web API: it answers signed slash commands and clicks on its HTTP port, rejects
 * forged ones, shrugs off junk with 401/400 and a bounded log, and its announcement reaches the
 * fake once.
 */
class SlackAppEndToEndTest {

    static final String SECRET = "e2e-signing-secret";
    static final String MESSAGE_TS = "1700000000.000100";

    static FakeSlack slack;
    static ConfigurableApplicationContext app;
    static SlackClient client;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack();
        Path data = Files.createTempDirectory("opsbot-slack-e2e");
        app = SpringApplication.run(OpsbotApplication.class,
                "--server.port=0", "--server.address=127.0.0.1", "--opsbot.mode=server",
                "--SLACK_BOT_TOKEN=xoxb-e2e", "--SLACK_SIGNING_SECRET=" + SECRET, "--SLACK_API_URL=" + slack.apiUrl(),
                "--opsbot.data-dir=" + data, "--opsbot.incident-channel=slack:CINCIDENTS");
        URI events = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                + "/slack/events");
        client = new SlackClient(events, SECRET, slack);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    static String command(String user, String text) {
        return client.commandBody(user, "C1", "/incident", text);
    }

    @Test
    void aSignedSlashCommandIsAnsweredAndItsAnnouncementIsPostedOnce() throws Exception {
        SlackClient.Sent sent = client.send(command("U1", "declare sev2 checkout latency"));

        assertThat(sent.status()).isEqualTo(200);
        JsonObject reply = sent.json();
        assertThat(reply.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(Json.allText(reply)).contains("sev2 · checkout latency", "Declared by <@U1>.");
        String id = Json.allText(reply).replaceAll("(?s).*?(INC-\\d+).*", "$1");

        FakeSlack.Call announced = slack.nextDelivery();
        while (announced != null && !announced.form().get("text").contains(id + " ")) {
            announced = slack.nextDelivery();
        }
        assertThat(announced).isNotNull();
        assertThat(announced.form()).containsEntry("channel", "CINCIDENTS");
        assertThat(announced.form().get("text")).contains(id);
        MongoDatabase db = app.getBean(MongoDatabase.class);
        // The dispatcher marks the row right after Slack answered; give it that moment.
        String status = null;
        for (int i = 0; i < 200 && !"sent".equals(status); i++) {
            Document row = db.getCollection("outbox").find(Filters.eq("_id", id + ":declared:slack:CINCIDENTS")).first();
            status = row == null ? null : row.getString("status");
            if (!"sent".equals(status)) {
                Thread.sleep(50);
            }
        }
        assertThat(status).isEqualTo("sent");
        assertThat(slack.postAttempts()).filteredOn(p -> p.form().get("text").contains(id + " ")).hasSize(1);
    }

    @Test
    void forgedAndStaleRequestsAreRejectedBeforeAnyCommandRuns() throws Exception {
        String body = command("U1", "declare sev1 forged");
        long now = Instant.now().getEpochSecond();

        SlackClient.Sent forged = client.send(body, now, "v0=" + "0".repeat(64), Map.of());
        SlackClient.Sent stale = client.send(body, now - 600, null, Map.of());

        assertThat(forged.status()).isEqualTo(401);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(app.getBean(MongoDatabase.class).getCollection("incidents")
                .countDocuments(Filters.regex("title", "forged"))).isZero();
    }

    @Test
    void aButtonClickRunsAsTheClickerAndUpdatesTheMessage() throws Exception {
        JsonArray card = client.send(command("U1", "declare sev3 disk filling")).json().getAsJsonArray("blocks");
        JsonObject actions = Json.actions(card);
        JsonObject ack = actions.getAsJsonArray("elements").get(0).getAsJsonObject();

        SlackClient.Sent clicked = client.send(client.clickBody("U2", "C1", MESSAGE_TS, false,
                actions.get("block_id").getAsString(), ack.get("action_id").getAsString(),
                ack.get("value").getAsString()));

        assertThat(clicked.status()).isEqualTo(200);
        FakeSlack.Call update = slack.nextUpdate();
        assertThat(update).isNotNull();
        assertThat(update.form()).containsEntry("channel", "C1").containsEntry("ts", MESSAGE_TS);
        assertThat(Json.allText(Json.parseArray(update.form().get("blocks")))).contains("Acknowledged by <@U2>.");
    }

    @Test
    void twoHundredJunkRequestsGet401Or400AndLeaveABoundedLogWithoutStackTraces() throws Exception {
        List<SlackJunk.Body> junk = SlackJunk.bodies();
        int unauthorized = 0;
        int bad = 0;
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 200; i++) {
                SlackJunk.Body body = junk.get(i % junk.size());
                String now = Long.toString(Instant.now().getEpochSecond());
                SlackClient.Sent sent = switch (i % 3) {
                    case 0 -> client.sendRaw(body.bytes(), null, null);
                    case 1 -> client.sendRaw(body.bytes(), now, SlackSigner.sign("guessed", now, body.bytes()));
                    default -> client.sendSigned(body.bytes(), now);
                };
                assertThat(sent.status()).as(body.name()).isIn(400, 401);
                if (sent.status() == 401) {
                    unauthorized++;
                } else {
                    bad++;
                }
            }
            assertThat(log.stackLines()).isEmpty();
            assertThat(log.text()).doesNotContain("ERROR");
            assertThat(log.size()).isLessThan(2_500);
        }
        assertThat(unauthorized).isEqualTo(134);
        assertThat(bad).isEqualTo(66);
    }
}
