package dev.opsbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.MongoOutbox;
import dev.opsbot.chat.Outbox;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import java.time.Duration;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Announcements through the shared outbox, posted by JDA's REST client to the fake Discord. */
class DiscordPosterTest {

    private final ChannelRef ops = new ChannelRef(Platform.DISCORD, FakeGateway.CHANNEL, "ops");
    @RegisterExtension
    final DiscordFixture discord = new DiscordFixture();

    @Test
    void announcementsArePostedOnceWaitingOutARateLimit() throws Exception {
        discord.rest.failNextMessages(429);
        Reply card = Reply.toChannel("INC-9 declared").text("@everyone look").build();

        discord.core.outbox.announce(ops, card, "INC-9:declared:discord:500");
        discord.core.outbox.announce(ops, card, "INC-9:declared:discord:500");

        assertThat(discord.core.outbox.deliverDue()).isEqualTo(1);
        assertThat(discord.core.outbox.deliverDue()).isZero();
        assertThat(discord.rest.calls("POST", "/channels/500/messages")).as("the 429, then the post").hasSize(2);
        DataObject posted = discord.rest.calls("POST", "/channels/500/messages").get(1).json();
        assertThat(posted.getString("content")).isEqualTo("\\@everyone look");
        assertThat(posted.getObject("allowed_mentions").getArray("parse").toList()).containsExactly("users");
    }

    @Test
    void aRepeatedPostCarriesTheSameNonceSoDiscordCanRefuseTheRepeat() throws Exception {
        discord.rest.failNextMessages(500);
        discord.core.outbox.announce(ops, Reply.toChannel("INC-5 declared").build(), "INC-5:declared:discord:500");
        discord.core.outbox.announce(ops, Reply.toChannel("INC-6 declared").build(), "INC-6:declared:discord:500");

        assertThat(discord.core.outbox.deliverDue()).as("the 500 holds up the channel behind it").isZero();
        discord.core.clock.advance(Duration.ofSeconds(1));
        assertThat(discord.core.outbox.deliverDue()).as("one a second per channel").isEqualTo(1);
        discord.core.clock.advance(Duration.ofSeconds(1));
        assertThat(discord.core.outbox.deliverDue()).isEqualTo(1);

        var posts = discord.rest.calls("POST", "/channels/500/messages");
        assertThat(posts).hasSize(3);
        assertThat(posts.stream().map(p -> p.json().getString("nonce")).toList()).containsExactly(
                DiscordPoster.nonce("INC-5:declared:discord:500"), DiscordPoster.nonce("INC-5:declared:discord:500"),
                DiscordPoster.nonce("INC-6:declared:discord:500"));
        assertThat(posts).allSatisfy(p -> assertThat(p.json().getBoolean("enforce_nonce")).isTrue());
        assertThat(DiscordPoster.nonce("INC-5:declared:discord:500")).hasSize(25)
                .isNotEqualTo(DiscordPoster.nonce("INC-6:declared:discord:500"));
        assertThat(posts.get(2).json().getArray("embeds").getObject(0).getString("title")).isEqualTo("INC-6 declared");
    }

    @Test
    void aFloodedChannelGetsOneRoundupListingWhatWaitedInOrder() throws Exception {
        for (int i = 1; i <= 25; i++) {
            discord.core.outbox.announce(ops, Reply.toChannel("INC-" + i + " declared").text("by <@1>").build(),
                    "INC-" + i + ":declared:discord:500");
        }
        assertThat(discord.core.outbox.deliverDue()).isEqualTo(DiscordPoster.PER_POST);
        discord.core.clock.advance(Duration.ofSeconds(1));
        assertThat(discord.core.outbox.deliverDue()).isEqualTo(25 - DiscordPoster.PER_POST);

        var posts = discord.rest.calls("POST", "/channels/500/messages");
        assertThat(posts).hasSize(2);
        DataObject first = posts.get(0).json().getArray("embeds").getObject(0);
        assertThat(first.getString("title")).isEqualTo(DiscordPoster.PER_POST + " announcements");
        String[] lines = first.getString("description").split("\n");
        assertThat(lines).hasSize(DiscordPoster.PER_POST);
        assertThat(lines[0]).startsWith("INC-1 declared");
        assertThat(lines[DiscordPoster.PER_POST - 1]).startsWith("INC-" + DiscordPoster.PER_POST + " declared");
        assertThat(posts.get(1).json().getArray("embeds").getObject(0).getString("description"))
                .startsWith("INC-" + (DiscordPoster.PER_POST + 1) + " declared");
    }

    @Test
    void aMessageThatFailedBeforeARestartIsDeliveredOnceByTheNextProcess() throws Exception {
        discord.rest.failNextMessages(500);
        discord.core.outbox.announce(ops, Reply.toChannel("INC-3 escalated").build(), "INC-3:escalated:1");
        assertThat(discord.core.outbox.deliverDue()).isZero();

        Outbox afterRestart = new Outbox(new MongoOutbox(discord.core.store.database()), discord.core.clock);
        discord.restart(afterRestart);
        discord.core.clock.advance(Duration.ofMinutes(1));

        assertThat(afterRestart.deliverDue()).isEqualTo(1);
        assertThat(afterRestart.deliverDue()).isZero();
        assertThat(discord.rest.calls("POST", "/channels/500/messages")).hasSize(2);
        assertThat(discord.rest.calls("POST", "/channels/500/messages").get(1).json().getArray("embeds").getObject(0)
                .getString("title")).isEqualTo("INC-3 escalated");
    }

    @Test
    void aChannelDiscordRefusesOrTheBotCannotSeeIsGivenUpOnAtOnce() throws Exception {
        discord.rest.failNextMessages(403);
        discord.core.outbox.announce(ops, Reply.toChannel("INC-4 declared").build(), "INC-4:declared");
        ChannelRef unknown = new ChannelRef(Platform.DISCORD, "999", "gone");
        discord.core.outbox.announce(unknown, Reply.toChannel("INC-4 declared").build(), "INC-4:declared:gone");

        assertThat(discord.core.outbox.deliverDue()).isZero();
        discord.core.clock.advance(Duration.ofHours(1));

        assertThat(discord.core.outbox.deliverDue()).isZero();
        assertThat(discord.rest.calls("POST", "/channels/\\d+/messages")).hasSize(1);
    }

    @Test
    void aChartTravelsAsAnAttachmentThatTheEmbedShows() throws Exception {
        byte[] png = new byte[3000];
        java.util.Arrays.fill(png, (byte) 0xAB);
        png[0] = (byte) 0x89;
        Reply report = Reply.toChannel("Capacity report").row("1. disk — crosses 85% on Dec 14")
                .image(new Reply.Image("disk.png", "Chart of disk", png)).build();

        discord.core.outbox.announce(ops, report, "capacity:discord:500:2026-11-30T09:00:00Z");
        assertThat(discord.core.outbox.deliverDue()).isEqualTo(1);

        var posts = discord.rest.calls("POST", "/channels/500/messages");
        assertThat(posts).hasSize(1);
        DataObject payload = posts.get(0).json();
        assertThat(payload.getArray("embeds").getObject(0).getString("title")).isEqualTo("Capacity report");
        assertThat(payload.getArray("embeds").getObject(0).getObject("image").getString("url"))
                .isEqualTo("attachment://disk.png");
        assertThat(payload.getArray("attachments").getObject(0).getString("filename")).isEqualTo("disk.png");
        var files = discord.rest.attachments();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path()).isEqualTo("/channels/500/messages");
        assertThat(files.get(0).fileName()).isEqualTo("disk.png");
        assertThat(files.get(0).bytes()).isEqualTo(png);
    }
}
