package dev.opsbot.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.discord.FakeDiscordRest;
import dev.opsbot.discord.FakeGateway;
import dev.opsbot.discord.InteractionPayloads;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** One application serving Slack and Discord at once on one store, each against its loopback fake. */
class SlackAndDiscordTogetherTest {

    private static final String SECRET = "together-secret";

    @TempDir
    Path dataDir;

    private FakeWebApi slack;
    private FakeDiscordRest discordRest;
    private FakeGateway gateway;
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        gateway.stop(1000);
        discordRest.close();
        slack.close();
    }

    @Test
    void anIncidentDeclaredInSlackIsSeenAndAcknowledgedInDiscordAndAnnouncedOnceInEach() throws Exception {
        slack = new FakeWebApi();
        discordRest = new FakeDiscordRest();
        gateway = new FakeGateway();
        SpringApplication application = new SpringApplication(OpsbotApplication.class);
        application.setDefaultProperties(Map.of("opsbot.mode", "server"));
        app = application.run("--server.port=0", "--server.address=127.0.0.1", "--opsbot.data-dir=" + dataDir,
                "--opsbot.incident-channel=slack:CINCIDENTS,discord:" + FakeGateway.INCIDENTS,
                "--SLACK_BOT_TOKEN=xoxb-both", "--SLACK_SIGNING_SECRET=" + SECRET, "--SLACK_API_URL=" + slack.url(),
                "--DISCORD_TOKEN=fake-token", "--DISCORD_GUILD_ID=" + FakeGateway.GUILD,
                "--DISCORD_API_URL=" + discordRest.baseUrl(), "--DISCORD_GATEWAY_URL=" + gateway.url());

        HttpResponse<String> declared = slashInSlack("U1", "declare sev2 payments timing out");
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(declared.body()).contains("INC-1");

        String list = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.slash(list, "200", "bob", "incident", "list"));
        String listed = discordRest.await("POST", "/interactions/" + list + "/token-" + list + "/callback", 1)
                .get(0).body();
        assertThat(listed).contains("INC-1").contains("payments timing out");

        String click = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE",
                InteractionPayloads.button(click, "200", "bob", "run:/incident ack INC-1", false));
        discordRest.await("POST", "/interactions/" + click + "/token-" + click + "/callback", 1);

        Incident incident = app.getBean(Incidents.class).find("INC-1").orElseThrow();
        assertThat(incident.declaredBy().key()).isEqualTo("slack:U1");
        assertThat(incident.acknowledgedBy().key()).isEqualTo("discord:200");

        assertThat(discordRest.await("POST", "/channels/" + FakeGateway.INCIDENTS + "/messages", 1)).hasSize(1);
        FakeWebApi.Call toSlack = FakeWebApi.poll(slack.postQueue);
        assertThat(toSlack).isNotNull();
        assertThat(toSlack.form()).containsEntry("channel", "CINCIDENTS");
        assertThat(slack.posts).hasSize(1);
        assertThat(discordRest.calls("POST", "/channels/\\d+/messages")).hasSize(1);
    }

    private HttpResponse<String> slashInSlack(String user, String text) throws Exception {
        String body = "token=t&team_id=T1&team_domain=test&channel_id=C1&channel_name=ops&user_id=" + user
                + "&user_name=" + user.toLowerCase() + "&command=%2Fincident&text=" + enc(text)
                + "&api_app_id=A1&response_url=" + enc(slack.url() + "/response/1") + "&trigger_id=both.1.trigger";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(
                mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
