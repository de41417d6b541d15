package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentStatus;
import dev.opsbot.incident.Incidents;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Slash commands and button clicks over HTTP, signed as Slack signs them, through the real Bolt app. */
class SlackHttpTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    @RegisterExtension
    final SlackFixture app = new SlackFixture(SECRET, null);

    @Test
    void aSlashCommandIsAnsweredInTheAckAsBlockKitForTheChannel() throws Exception {
        var sent = app.client.send(app.client.commandBody("U1", "C1", "/incident", "declare sev2 db latency --service payments"));

        assertThat(sent.status()).isEqualTo(200);
        JsonObject reply = sent.json();
        assertThat(reply.get("response_type").getAsString()).isEqualTo("in_channel");
        JsonArray blocks = reply.getAsJsonArray("blocks");
        JsonObject header = blocks.get(0).getAsJsonObject();
        assertThat(header.get("type").getAsString()).isEqualTo("header");
        assertThat(header.getAsJsonObject("text").get("text").getAsString()).isEqualTo("INC-1 · sev2 · db latency");
        assertThat(Json.allText(blocks)).contains("Declared by <@U1>.", "*Status*\ndeclared", "*Service*\npayments");
        JsonObject ack = Json.button(blocks, "Acknowledge");
        assertThat(ack.get("value").getAsString()).isEqualTo("/incident ack INC-1");
        assertThat(ack.get("style").getAsString()).isEqualTo("primary");

        Incident stored = app.core.incidents.find("INC-1").orElseThrow();
        assertThat(stored.declaredBy()).isEqualTo(new Actor(Platform.SLACK, "U1", "u1"));
        assertThat(app.slack.authTests()).isNotEmpty();
        assertThat(app.slack.authTests().get(0).authorization()).isEqualTo("Bearer xoxb-test");
    }

    @Test
    void helpTypedInSlackIsAnsweredPrivatelyWithTheCatalogsHelp() throws Exception {
        var all = app.client.send(app.client.commandBody("U1", "C1", "/help", ""));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(Json.allText(all.json().getAsJsonArray("blocks"))).contains("opsbot commands", "/incident");

        var one = app.client.send(app.client.commandBody("U1", "C1", "/help", "incident"));
        assertThat(Json.allText(one.json().getAsJsonArray("blocks"))).contains("/incident declare");
    }

    @Test
    void badInputIsAnsweredOnlyToTheTyperWithTheUsageAndWritesNothing() throws Exception {
        var sent = app.client.send(app.client.commandBody("U1", "C1", "/incident", "declare sev9 db latency"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        String text = Json.allText(sent.json().getAsJsonArray("blocks"));
        assertThat(text).contains("“sev9” is not a valid severity", "Usage: /incident declare");
        assertThat(app.core.incidents.list(Incidents.Query.open())).isEmpty();
    }

    @Test
    void aForgedSignatureIsRejectedWith401AndChangesNothing() throws Exception {
        String body = app.client.commandBody("U1", "C1", "/incident", "declare sev1 forged");
        long now = Instant.now().getEpochSecond();

        var wrongSecret = app.client.send(body, now, SlackSigner.sign("not-the-secret", Long.toString(now), body), Map.of());
        var tampered = app.client.send(body.replace("forged", "altered"), now,
                SlackSigner.sign(SECRET, Long.toString(now), body), Map.of());

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(app.core.incidents.list(Incidents.Query.open())).isEmpty();
    }

    @Test
    void aCorrectlySignedButStaleRequestIsRejectedWith401() throws Exception {
        String body = app.client.commandBody("U1", "C1", "/incident", "declare sev1 replayed");
        long sixMinutesAgo = Instant.now().getEpochSecond() - 6 * 60;

        var sent = app.client.send(body, sixMinutesAgo, null, Map.of());

        assertThat(sent.status()).isEqualTo(401);
        assertThat(app.core.incidents.list(Incidents.Query.open())).isEmpty();
    }

    @Test
    void aSlackRetryOfTheSameCommandDoesNotDeclareASecondIncident() throws Exception {
        String body = app.client.commandBody("U1", "C1", "/incident", "declare sev2 db latency");

        var first = app.client.send(body);
        var retry = app.client.send(body, Instant.now().getEpochSecond(), null,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertThat(first.json().get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(Json.allText(retry.json())).contains("already handled");
        assertThat(app.core.incidents.list(Incidents.Query.open())).extracting(Incident::id).containsExactly("INC-1");
    }

    @Test
    void mentionsAreReadFromSlackSyntaxAndWrittenAsSlackMentions() throws Exception {
        app.client.send(app.client.commandBody("U1", "C1", "/incident", "declare sev2 db latency"));

        var sent = app.client.send(app.client.commandBody("U1", "C1", "/incident", "assign INC-1 <@U0CAROL|carol>"));

        assertThat(Json.allText(sent.json())).contains("<@U1> made <@U0CAROL> the owner.", "*Owner*\n<@U0CAROL>");
        assertThat(app.core.incidents.find("INC-1").orElseThrow().owner())
                .isEqualTo(new Actor(Platform.SLACK, "U0CAROL", "carol"));
    }

    @Test
    void typedBroadcastsAndMarkupAreEchoedAsTextNeverAsMentions() throws Exception {
        // "<!channel>" is what Slack sends for a typed @channel; "&lt;!here&gt;" for literally typed "<!here>".
        var sent = app.client.send(app.client.commandBody("U1", "C1", "/incident",
                "declare sev3 ping <!channel> and &lt;!here&gt; &amp; <https://evil.example|click>"));

        String everything = Json.allText(sent.json());
        assertThat(everything).doesNotContain("<!channel>", "<!here>", "<https://evil");
        assertThat(everything).contains("ping @channel and &lt;!here&gt; &amp; https://evil.example");
        assertThat(app.core.incidents.find("INC-1").orElseThrow().title())
                .isEqualTo("ping @channel and <!here> & https://evil.example");
    }
}
