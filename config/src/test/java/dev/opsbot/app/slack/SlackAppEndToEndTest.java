package dev.opsbot.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.opsbot.app.OpsbotApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application with SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_API_URL pointing
 * at a fake Web API: it answers signed slash commands and clicks on its HTTP port, rejects
 * forged ones, and its announcement reaches the fake once.
 */
class SlackAppEndToEndTest {

    static final String SECRET = "e2e-signing-secret";
    static final AtomicInteger IDS = new AtomicInteger();

    static FakeWebApi slack;
    static ConfigurableApplicationContext app;
    static String events;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeWebApi();
        Path data = Files.createTempDirectory("opsbot-slack-e2e");
        app = SpringApplication.run(OpsbotApplication.class,
                "--server.port=0", "--server.address=127.0.0.1", "--opsbot.mode=server",
                "--SLACK_BOT_TOKEN=xoxb-e2e", "--SLACK_SIGNING_SECRET=" + SECRET, "--SLACK_API_URL=" + slack.url(),
                "--opsbot.data-dir=" + data, "--opsbot.incident-channel=slack:CINCIDENTS");
        events = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/slack/events";
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    @Test
    void aSignedSlashCommandIsAnsweredAndItsAnnouncementIsPostedOnce() throws Exception {
        HttpResponse<String> sent = post(command("U1", "declare sev2 checkout latency"), null);

        assertThat(sent.statusCode()).isEqualTo(200);
        JsonObject reply = JsonParser.parseString(sent.body()).getAsJsonObject();
        assertThat(reply.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(text(reply)).contains("sev2 · checkout latency", "Declared by <@U1>.");
        String id = text(reply).replaceAll("(?s).*?(INC-\\d+).*", "$1");

        FakeWebApi.Call announced = FakeWebApi.poll(slack.postQueue);
        while (announced != null && !announced.form().get("text").contains(id + " ")) {
            announced = FakeWebApi.poll(slack.postQueue);
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
        assertThat(slack.posts).filteredOn(p -> p.form().get("text").contains(id + " ")).hasSize(1);
    }

    @Test
    void forgedAndStaleRequestsAreRejectedBeforeAnyCommandRuns() throws Exception {
        String body = command("U1", "declare sev1 forged");
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> forged = post(body, "v0=" + "0".repeat(64));
        HttpResponse<String> stale = send(body, now - 600, sign(Long.toString(now - 600), body));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(app.getBean(MongoDatabase.class).getCollection("incidents")
                .countDocuments(Filters.regex("title", "forged"))).isZero();
    }

    @Test
    void aButtonClickRunsAsTheClickerAndUpdatesTheMessage() throws Exception {
        JsonObject card = JsonParser.parseString(post(command("U1", "declare sev3 disk filling"), null).body())
                .getAsJsonObject();
        JsonObject actions = null;
        for (JsonElement b : card.getAsJsonArray("blocks")) {
            if (b.getAsJsonObject().get("type").getAsString().equals("actions")) {
                actions = b.getAsJsonObject();
            }
        }
        assertThat(actions).isNotNull();
        JsonObject ack = actions.getAsJsonArray("elements").get(0).getAsJsonObject();

        HttpResponse<String> clicked = post(click("U2", actions.get("block_id").getAsString(),
                ack.get("action_id").getAsString(), ack.get("value").getAsString()), null);

        assertThat(clicked.statusCode()).isEqualTo(200);
        FakeWebApi.Call update = FakeWebApi.poll(slack.updates);
        assertThat(update).isNotNull();
        assertThat(update.form()).containsEntry("channel", "C1").containsEntry("ts", "1700000000.000100");
        assertThat(text(JsonParser.parseString("{\"blocks\":" + update.form().get("blocks") + "}").getAsJsonObject()))
                .contains("Acknowledged by <@U2>.");
    }

    static String text(JsonObject reply) {
        StringBuilder out = new StringBuilder();
        collect(reply, out);
        return out.toString();
    }

    static void collect(JsonElement e, StringBuilder out) {
        if (e.isJsonPrimitive()) {
            out.append(e.getAsString()).append('\n');
        } else if (e.isJsonArray()) {
            for (JsonElement x : (JsonArray) e) {
                collect(x, out);
            }
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(x -> collect(x.getValue(), out));
        }
    }

    static String command(String user, String text) {
        int n = IDS.incrementAndGet();
        return "token=t&team_id=T1&team_domain=test&channel_id=C1&channel_name=ops&user_id=" + user
                + "&user_name=" + user.toLowerCase() + "&command=%2Fincident&text=" + enc(text)
                + "&api_app_id=A1&response_url=" + enc(slack.url() + "/response/" + n)
                + "&trigger_id=" + enc("e2e." + n + ".trigger");
    }

    static String click(String user, String blockId, String actionId, String value) {
        int n = IDS.incrementAndGet();
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\",\"username\":\"" + user.toLowerCase()
                + "\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"t\",\"container\":{\"type\":\"message\","
                + "\"message_ts\":\"1700000000.000100\",\"channel_id\":\"C1\",\"is_ephemeral\":false},"
                + "\"trigger_id\":\"e2e." + n + ".click\",\"team\":{\"id\":\"T1\",\"domain\":\"test\"},"
                + "\"channel\":{\"id\":\"C1\",\"name\":\"ops\"},\"response_url\":\"" + slack.url() + "/response/" + n
                + "\",\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"" + blockId + "\",\"value\":\""
                + value + "\",\"type\":\"button\",\"action_ts\":\"1700000001.0002\"}]}";
        return "payload=" + enc(payload);
    }

    static HttpResponse<String> post(String body, String signature) throws Exception {
        long now = Instant.now().getEpochSecond();
        return send(body, now, signature != null ? signature : sign(Long.toString(now), body));
    }

    static HttpResponse<String> send(String body, long timestamp, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(events))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
