package dev.opsbot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.discord.DiscordRegistration;
import dev.opsbot.discord.FakeDiscordRest;
import dev.opsbot.discord.FakeGateway;
import dev.opsbot.discord.InteractionPayloads;
import dev.opsbot.incident.Incidents;
import java.nio.file.Path;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application with DISCORD_* pointed at a fake Discord on loopback. */
class DiscordEndToEndTest {

    @TempDir
    Path dataDir;

    private FakeDiscordRest rest;
    private FakeGateway gateway;
    private ConfigurableApplicationContext app;

    @BeforeEach
    void startFakes() throws Exception {
        rest = new FakeDiscordRest();
        gateway = new FakeGateway();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (app != null) {
            app.close();
        }
        gateway.stop(1000);
        rest.close();
    }

    private void startApp(String... more) {
        SpringApplication application = new SpringApplication(OpsbotApplication.class);
        application.setDefaultProperties(Map.of("opsbot.mode", "server"));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                "--opsbot.data-dir=" + dataDir, "--opsbot.incident-channel=discord:" + FakeGateway.INCIDENTS,
                "--DISCORD_TOKEN=fake-token", "--DISCORD_GUILD_ID=" + FakeGateway.GUILD,
                "--DISCORD_API_URL=" + rest.baseUrl(), "--DISCORD_GATEWAY_URL=" + gateway.url()));
        args.addAll(java.util.List.of(more));
        app = application.run(args.toArray(String[]::new));
    }

    @Test
    void withRolesOnAMemberHoldingAGrantedDiscordRoleGetsItsPermissions() throws Exception {
        startApp("--opsbot.admins=discord:100", "--opsbot.default-role=viewer");
        String sre = FakeGateway.SRE_ROLE;

        String refused = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.withMemberRoles(InteractionPayloads.slash(refused,
                "200", "bob", "incident", "declare", InteractionPayloads.option("severity", 3, "sev3"),
                InteractionPayloads.option("title", 3, "disk filling")), sre));
        assertThat(callback(refused).getObject("data").getString("content"))
                .startsWith("/incident declare needs incident.declare; ask an admin: <@100>");

        String grant = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.withResolvedRole(InteractionPayloads.slash(grant,
                "100", "alice", "role", "grant", InteractionPayloads.option("who", 9, sre),
                InteractionPayloads.option("role", 3, "responder")), sre, "SRE"));
        assertThat(callback(grant).toString()).contains("made the group “SRE” responder everywhere.");

        String allowed = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.withMemberRoles(InteractionPayloads.slash(allowed,
                "200", "bob", "incident", "declare", InteractionPayloads.option("severity", 3, "sev3"),
                InteractionPayloads.option("title", 3, "disk filling")), sre));
        assertThat(callback(allowed).getObject("data").getInt("flags", 0) & 64).isZero();
        assertThat(app.getBean(Incidents.class).find("INC-1").orElseThrow().declaredBy().key()).isEqualTo("discord:200");
    }

    private DataObject callback(String id) throws InterruptedException {
        return rest.await("POST", "/interactions/" + id + "/token-" + id + "/callback", 1).get(0).json();
    }

    @Test
    void logsInRegistersAnswersCommandsAndButtonsAndAnnouncesOnce() throws Exception {
        startApp();

        assertThat(gateway.identifies()).hasSize(1);
        var registered = rest.calls("PUT", "/applications/900/guilds/300/commands");
        assertThat(registered).hasSize(1);
        assertThat(registered.get(0).jsonArray().toList()).isEqualTo(
                DataArray.fromJson(DiscordRegistration.json(app.getBean(CommandRouter.class).catalog())).toList());

        String declare = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE", InteractionPayloads.slash(declare, "100", "alice", "incident", "declare",
                InteractionPayloads.option("severity", 3, "sev1"), InteractionPayloads.option("title", 3, "checkout down")));
        DataObject answer = rest.await("POST", "/interactions/" + declare + "/token-" + declare + "/callback", 1)
                .get(0).json();
        assertThat(answer.getInt("type")).isEqualTo(4);
        assertThat(answer.getObject("data").getArray("embeds").getObject(0).getString("title"))
                .isEqualTo("**INC-1** · sev1 · checkout down");

        DataObject announced = rest.await("POST", "/channels/" + FakeGateway.INCIDENTS + "/messages", 1).get(0).json();
        assertThat(announced.getArray("embeds").getObject(0).getString("title")).isEqualTo("**INC-1** · sev1 · checkout down");

        String click = InteractionPayloads.newId();
        gateway.dispatch("INTERACTION_CREATE",
                InteractionPayloads.button(click, "200", "bob", "run:/incident ack INC-1", false));
        DataObject edited = rest.await("POST", "/interactions/" + click + "/token-" + click + "/callback", 1)
                .get(0).json();
        assertThat(edited.getInt("type")).isEqualTo(7);
        assertThat(edited.getObject("data").getString("content")).isEqualTo("Acknowledged by <@200>.");

        var incident = app.getBean(Incidents.class).find("INC-1").orElseThrow();
        assertThat(incident.acknowledgedBy().key()).isEqualTo("discord:200");
        assertThat(incident.declaredBy().name()).isEqualTo("alice");
        String card = rest.createdMessageIds().get(0);
        var edit = rest.await("PATCH", "/channels/" + FakeGateway.INCIDENTS + "/messages/" + card, 1);
        var posts = rest.await("POST", "/channels/\\d+/messages", 2);
        assertThat(edit.get(0).json().toString()).as("the card now shows the acknowledgement").contains("acknowledged");
        assertThat(posts).as("the declaration, then the acknowledgement as a reply to it, each once").hasSize(2);
        assertThat(posts.get(1).path()).isEqualTo("/channels/" + FakeGateway.INCIDENTS + "/messages");
        assertThat(posts.get(1).json().getObject("message_reference").getString("message_id")).isEqualTo(card);
    }

    @Test
    void aBotThatCannotRegisterInItsGuildStopsTheApplicationWithTheReason() {
        SpringApplication application = new SpringApplication(OpsbotApplication.class);
        application.setDefaultProperties(Map.of("opsbot.mode", "server"));

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> app = application.run(
                "--server.port=0", "--opsbot.data-dir=" + dataDir, "--DISCORD_TOKEN=fake-token",
                "--DISCORD_GUILD_ID=12345", "--DISCORD_API_URL=" + rest.baseUrl(),
                "--DISCORD_GATEWAY_URL=" + gateway.url()));

        assertThat(failure).hasStackTraceContaining("the bot is not in guild 12345");
    }
}
