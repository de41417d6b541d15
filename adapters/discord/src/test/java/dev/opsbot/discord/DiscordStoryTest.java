package dev.opsbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.incident.IncidentActions;
import dev.opsbot.incident.Severity;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In Discord the story is told by editing the declaration's message and replying to it. */
class DiscordStoryTest {

    private final ChannelRef ops = new ChannelRef(Platform.DISCORD, FakeGateway.CHANNEL, "ops");
    private final ChannelRef elsewhere = new ChannelRef(Platform.DISCORD, "777", "dev");
    private final Actor dan = new Actor(Platform.DISCORD, "42", "dan");
    @RegisterExtension
    final DiscordFixture discord = new DiscordFixture();

    @Test
    void aResolutionEditsTheCardAndRepliesReferencingIt() throws Exception {
        IncidentActions actions = new IncidentActions(discord.core.incidents, discord.core.audit, discord.core.outbox,
                List.of(ops), List.of(), List.of());
        String id = actions.declare(Severity.SEV1, "checkout down", null, elsewhere, dan, discord.core.clock.instant())
                .incident().id();
        assertThat(discord.core.outbox.deliverDue()).isEqualTo(1);
        String cardId = discord.rest.createdMessageIds().get(0);
        discord.core.clock.advance(Duration.ofSeconds(2));
        actions.changeOrRefuse(id, dan, elsewhere, discord.core.clock.instant(), "incident.resolve",
                i -> i.resolve(dan, "rolled back", discord.core.clock.instant()));
        assertThat(discord.core.outbox.deliverDue()).isEqualTo(1);
        assertThat(discord.core.outbox.deliverDue()).isZero();

        var posts = discord.rest.calls("POST", "/channels/500/messages");
        assertThat(posts).hasSize(2);
        var edits = discord.rest.calls("PATCH", "/channels/500/messages/\\d+");
        assertThat(edits).hasSize(1);
        assertThat(edits.get(0).path()).isEqualTo("/channels/500/messages/" + cardId);
        DataObject card = edits.get(0).json().getArray("embeds").getObject(0);
        assertThat(card.toString()).contains("\"value\":\"resolved\"");
        assertThat(edits.get(0).json().toString()).contains("Resolved by").contains("rolled back");
        DataObject reply = posts.get(1).json();
        assertThat(reply.getObject("message_reference").getString("message_id")).isEqualTo(cardId);
        assertThat(reply.toString()).contains(id).contains("Resolved by");
    }

    @Test
    void aCardSomeoneDeletedIsReplacedByAFreshOneThatLaterChangesEdit() throws Exception {
        IncidentActions actions = new IncidentActions(discord.core.incidents, discord.core.audit, discord.core.outbox,
                List.of(ops), List.of(), List.of());
        String id = actions.declare(Severity.SEV1, "checkout down", null, elsewhere, dan, discord.core.clock.instant())
                .incident().id();
        assertThat(discord.core.outbox.deliverDue()).isEqualTo(1);
        discord.rest.delete(discord.rest.createdMessageIds().get(0));

        discord.core.clock.advance(Duration.ofSeconds(2));
        actions.changeOrRefuse(id, dan, elsewhere, discord.core.clock.instant(), "incident.ack",
                i -> i.acknowledge(dan, discord.core.clock.instant()));
        assertThat(discord.core.outbox.deliverDue()).isEqualTo(1);
        discord.core.clock.advance(Duration.ofSeconds(2));
        actions.changeOrRefuse(id, dan, elsewhere, discord.core.clock.instant(), "incident.mitigate",
                i -> i.mitigate(dan, discord.core.clock.instant()));
        assertThat(discord.core.outbox.deliverDue()).isEqualTo(1);

        var posts = discord.rest.calls("POST", "/channels/500/messages");
        assertThat(posts).as("the card, the fresh card, the reply to it").hasSize(3);
        assertThat(posts.get(1).json().hasKey("message_reference")).isFalse();
        assertThat(posts.get(1).json().toString()).contains("Acknowledged by");
        String fresh = discord.rest.createdMessageIds().get(1);
        var edits = discord.rest.calls("PATCH", "/channels/500/messages/\\d+");
        assertThat(edits).extracting(FakeDiscordRest.Call::path).containsExactly(
                "/channels/500/messages/" + discord.rest.createdMessageIds().get(0), "/channels/500/messages/" + fresh);
        assertThat(posts.get(2).json().getObject("message_reference").getString("message_id")).isEqualTo(fresh);
        assertThat(posts.get(2).json().toString()).contains("Mitigated by");
    }
}
