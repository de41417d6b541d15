package dev.opsbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.store.MongoStore;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscordRepliesTest {

    private final MongoStore store = MongoStore.inMemory();
    private final ButtonCommands buttons = ButtonCommands.inMongo(store.database());
    private final DiscordReplies replies = new DiscordReplies(buttons);
    private final Actor bob = new Actor(Platform.DISCORD, "200", "bob");
    private final Actor slackAlice = new Actor(Platform.SLACK, "U1", "alice");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void typedTextCannotFormatOrMention_butTheCoresMentionsDo() {
        String markup = "owner " + Inline.user(bob) + " and " + Inline.user(slackAlice) + " said: @here <@&9> `x` **y** "
                + "[link](http://x) ~~z~~ ||s|| _i_ \\";

        assertThat(Inline.render(markup, new DiscordMarkdown(true))).isEqualTo("owner <@200> and \\@alice said: "
                + "\\@here \\<\\@&9> \\`x\\` \\*\\*y\\*\\* \\[link\\](http://x) \\~\\~z\\~\\~ \\|\\|s\\|\\| \\_i\\_ \\\\");
        assertThat(DiscordMarkdown.escape("# title\n- item\n> quote\na-b #c")).isEqualTo("\\# title\n\\- item\n\\> quote\na-b #c");
    }

    @Test
    void onlyTheCoresHereMayNotifyAChannel() {
        DataObject typed = json(replies.create(Reply.toChannel("t").text("@here @everyone").build()));
        DataObject escalation = json(replies.create(Reply.toChannel("t").text(Inline.here() + " INC-1 needs you").build()));

        assertThat(typed.getString("content")).isEqualTo("\\@here \\@everyone");
        assertThat(typed.getObject("allowed_mentions").getArray("parse").toList()).containsExactly("users");
        assertThat(escalation.getString("content")).isEqualTo("@here INC-1 needs you");
        assertThat(escalation.getObject("allowed_mentions").getArray("parse").toList())
                .containsExactlyInAnyOrder("users", "everyone");
    }

    @Test
    void aCardIsAnEmbedColouredByToneWithFieldsRowsAndButtons() {
        Reply card = Reply.toChannel(Inline.strong("INC-1") + " · sev1 · " + Inline.user(bob))
                .text("Declared.").field("Owner", Inline.user(bob)).field("Empty", "").row("first").row("second")
                .footer("use *buttons*").tone(Reply.Tone.DANGER)
                .button("Acknowledge", "/incident ack INC-1", Reply.Button.Style.PRIMARY)
                .button("Reopen", "/incident reopen INC-1", Reply.Button.Style.DANGER)
                .button("Close", "/incident close INC-1").build();

        DataObject message = json(replies.create(card));
        DataObject embed = message.getArray("embeds").getObject(0);

        assertThat(embed.getString("title")).as("titles show names, not raw mention ids").isEqualTo("**INC-1** · sev1 · \\@bob");
        assertThat(embed.getInt("color")).isEqualTo(0xED4245);
        assertThat(embed.getString("description")).isEqualTo("first\nsecond");
        assertThat(embed.getObject("footer").getString("text")).isEqualTo("use *buttons*");
        assertThat(embed.getArray("fields").getObject(0).getString("value")).isEqualTo("<@200>");
        assertThat(embed.getArray("fields").getObject(1).getString("value")).isEqualTo("—");
        DataArray row = message.getArray("components").getObject(0).getArray("components");
        assertThat(row.length()).isEqualTo(3);
        assertThat(row.getObject(0).getInt("style")).isEqualTo(1);
        assertThat(row.getObject(1).getInt("style")).isEqualTo(4);
        assertThat(row.getObject(2).getInt("style")).isEqualTo(2);
        assertThat(row.getObject(2).getString("custom_id")).isEqualTo("run:/incident close INC-1");
    }

    @Test
    void everyPartIsCutToDiscordsLimits() {
        Reply.Builder huge = Reply.toChannel("t".repeat(300)).text("c".repeat(2500)).footer("f".repeat(3000));
        for (int i = 0; i < 30; i++) {
            huge.field("label " + i, "v".repeat(2000));
        }
        for (int i = 0; i < 100; i++) {
            huge.row("r".repeat(100));
        }
        for (int i = 0; i < 30; i++) {
            huge.button("b".repeat(90), "/incident show INC-" + i);
        }

        DataObject message = json(replies.create(huge.build()));
        DataObject embed = message.getArray("embeds").getObject(0);

        assertThat(message.getString("content")).hasSize(2000).endsWith("…");
        assertThat(embed.getString("title")).hasSize(256);
        assertThat(embed.getString("description")).hasSize(4096);
        int total = embed.getString("title").length() + embed.getString("description").length()
                + embed.optObject("footer").map(f -> f.getString("text").length()).orElse(0);
        DataArray fields = embed.getArray("fields");
        for (int i = 0; i < fields.length(); i++) {
            assertThat(fields.getObject(i).getString("value")).hasSizeLessThanOrEqualTo(1024);
            total += fields.getObject(i).getString("name").length() + fields.getObject(i).getString("value").length();
        }
        assertThat(fields.length()).isEqualTo(1);
        assertThat(total).isLessThanOrEqualTo(6000);
        DataArray rows = message.getArray("components");
        assertThat(rows.length()).isEqualTo(5);
        assertThat(rows.getObject(0).getArray("components").getObject(0).getString("label")).hasSize(80);
    }

    @Test
    void aCommandTooLongForACustomIdIsStoredAndFoundAgain() {
        String line = "/incident update INC-1 " + "word ".repeat(40);
        String id = buttons.idFor(line);

        assertThat(id).startsWith("ref:").hasSizeLessThanOrEqualTo(100);
        assertThat(buttons.idFor(line)).isEqualTo(id);
        assertThat(buttons.lineFor(id)).contains(line);
        assertThat(buttons.lineFor("run:/incident ack INC-2")).contains("/incident ack INC-2");
        assertThat(buttons.lineFor("ref:unknown")).isEmpty();
        assertThat(buttons.lineFor("someone-elses-button")).isEmpty();
    }

    @Test
    void aNoteIsPlainContentAndARefusalCarriesItsUsage() {
        DataObject note = json(replies.create(Reply.note("No incidents match.")));
        DataObject refusal = json(replies.create(Reply.refusal("“x” is not a person.", "/incident assign <INC-N> <@user>")));

        assertThat(note.getString("content")).isEqualTo("No incidents match.");
        assertThat(note.getArray("embeds").length()).isZero();
        assertThat(refusal.getString("content"))
                .isEqualTo("“x” is not a person.\nUsage: /incident assign \\<INC-N> \\<\\@user>");
    }

    private static DataObject json(net.dv8tion.jda.api.utils.messages.MessageCreateData data) {
        return data.toData();
    }
}
