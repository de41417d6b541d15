package dev.opsbot.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.discord.FakeDiscordRest;
import dev.opsbot.discord.FakeGateway;
import dev.opsbot.discord.InteractionPayloads;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.slack.FakeSlack;
import dev.opsbot.slack.SlackClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
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

    private FakeSlack slack;
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
        slack = new FakeSlack();
        discordRest = new FakeDiscordRest();
        gateway = new FakeGateway();
        SpringApplication application = new SpringApplication(OpsbotApplication.class);
        application.setDefaultProperties(Map.of("opsbot.mode", "server"));
        app = application.run("--server.port=0", "--server.address=127.0.0.1", "--opsbot.data-dir=" + dataDir,
                "--opsbot.incident-channel=slack:CINCIDENTS,discord:" + FakeGateway.INCIDENTS,
                "--SLACK_BOT_TOKEN=xoxb-both", "--SLACK_SIGNING_SECRET=" + SECRET, "--SLACK_API_URL=" + slack.apiUrl(),
                "--DISCORD_TOKEN=fake-token", "--DISCORD_GUILD_ID=" + FakeGateway.GUILD,
                "--DISCORD_API_URL=" + discordRest.baseUrl(), "--DISCORD_GATEWAY_URL=" + gateway.url());

        SlackClient inSlack = new SlackClient(URI.create("http://127.0.0.1:"
                + app.getEnvironment().getProperty("local.server.port") + "/slack/events"), SECRET, slack);
        SlackClient.Sent declared = inSlack.send(inSlack.commandBody("U1", "C1", "/incident",
                "declare sev2 payments timing out"));
        assertThat(declared.status()).isEqualTo(200);
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

        FakeSlack.Call toSlack = slack.nextDelivery();
        assertThat(toSlack).isNotNull();
        assertThat(toSlack.form()).containsEntry("channel", "CINCIDENTS").doesNotContainKey("thread_ts");
        // Each incidents channel then hears the acknowledgement: its card edited, a reply under it.
        FakeSlack.Call update = slack.nextUpdate();
        FakeSlack.Call reply = slack.nextDelivery();
        assertThat(update.form()).containsEntry("ts", "1700000000.000001");
        assertThat(reply.form()).containsEntry("channel", "CINCIDENTS").containsEntry("thread_ts", "1700000000.000001");
        assertThat(slack.postAttempts()).hasSize(2);
        var toDiscord = discordRest.await("POST", "/channels/" + FakeGateway.INCIDENTS + "/messages", 2);
        String card = discordRest.createdMessageIds().get(0);
        assertThat(discordRest.await("PATCH", "/channels/" + FakeGateway.INCIDENTS + "/messages/" + card, 1)).hasSize(1);
        assertThat(toDiscord.get(1).json().getObject("message_reference").getString("message_id")).isEqualTo(card);
        assertThat(discordRest.calls("POST", "/channels/\\d+/messages")).hasSize(2);
    }
}
