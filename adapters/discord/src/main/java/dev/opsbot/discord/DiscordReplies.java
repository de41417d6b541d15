package dev.opsbot.discord;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A {@link Reply} as a Discord message: the headline text as content (where mentions notify),
 * title, fields and rows as an embed coloured by tone, buttons as components. Every part is cut to
 * Discord's limits. Mentions may notify people; {@code @everyone}/{@code @here} only when the core
 * itself asked for {@code @here}, and roles never.
 */
final class DiscordReplies {

    static final int MAX_CONTENT = 2000;
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_FIELDS = 25;
    static final int MAX_FIELD_NAME = 256;
    static final int MAX_FIELD_VALUE = 1024;
    static final int MAX_FOOTER = 2048;
    static final int MAX_EMBED = 6000;
    static final int MAX_BUTTONS = 25;

    private final ButtonCommands buttons;

    DiscordReplies(ButtonCommands buttons) {
        this.buttons = buttons;
    }

    /** The parts of one message, shared by new messages and edits. */
    record Parts(String content, List<MessageEmbed> embeds, List<ActionRow> rows, EnumSet<MentionType> mentions) {
    }

    MessageCreateData create(Reply reply) {
        Parts p = parts(reply);
        return new MessageCreateBuilder().setContent(p.content()).setEmbeds(DiscordAttachments.embeds(reply, p.embeds()))
                .setFiles(DiscordAttachments.files(reply)).setComponents(p.rows())
                .setAllowedMentions(p.mentions()).build();
    }

    MessageEditData edit(Reply reply) {
        Parts p = parts(reply);
        MessageEditBuilder edit = new MessageEditBuilder().setContent(p.content())
                .setEmbeds(DiscordAttachments.embeds(reply, p.embeds())).setComponents(p.rows())
                .setAllowedMentions(p.mentions());
        // Only a reply with images touches the message's attachments, so other edits keep theirs.
        if (!reply.images().isEmpty()) {
            edit.setFiles(DiscordAttachments.files(reply));
        }
        return edit.build();
    }

    Parts parts(Reply reply) {
        DiscordMarkdown body = new DiscordMarkdown(true);
        boolean embedded = !reply.title().isEmpty() || !reply.fields().isEmpty() || !reply.rows().isEmpty();
        String content = Inline.render(reply.text(), body);
        if (!embedded && !reply.footer().isEmpty()) {
            content = (content.isEmpty() ? "" : content + "\n") + Inline.render(reply.footer(), body);
        }
        List<MessageEmbed> embeds = embedded ? List.of(embed(reply, body)) : List.of();
        if (content.isEmpty() && embeds.isEmpty()) {
            content = "Done.";
        }
        EnumSet<MentionType> mentions = body.pingsHere()
                ? EnumSet.of(MentionType.USER, MentionType.HERE, MentionType.EVERYONE)
                : EnumSet.of(MentionType.USER);
        return new Parts(cut(content, MAX_CONTENT), embeds, rows(reply), mentions);
    }

    /** Title, rows, fields, then footer, each taking what the 6000-character embed total leaves. */
    private static MessageEmbed embed(Reply reply, DiscordMarkdown body) {
        EmbedBuilder e = new EmbedBuilder().setColor(colour(reply.tone()));
        String title = cut(Inline.render(reply.title(), new DiscordMarkdown(false)), MAX_TITLE);
        int budget = MAX_EMBED - title.length();
        String description = cut(String.join("\n", reply.rows().stream().map(r -> Inline.render(r, body)).toList()),
                Math.min(MAX_DESCRIPTION, budget));
        budget -= description.length();
        if (!title.isEmpty()) {
            e.setTitle(title);
        }
        if (!description.isEmpty()) {
            e.setDescription(description);
        }
        int added = 0;
        for (Reply.Field f : reply.fields()) {
            String name = cut(f.label().isBlank() ? "\u200b" : f.label(), MAX_FIELD_NAME);
            String value = Inline.render(f.value(), body);
            value = cut(value.isBlank() ? "—" : value, MAX_FIELD_VALUE);
            if (added == MAX_FIELDS || name.length() + value.length() > budget) {
                break;
            }
            e.addField(name, value, true);
            budget -= name.length() + value.length();
            added++;
        }
        // Footers show text as it is, without markdown, so they are not escaped.
        String footer = cut(Inline.plain(reply.footer()), Math.min(MAX_FOOTER, budget));
        if (!footer.isEmpty()) {
            e.setFooter(footer);
        }
        return e.build();
    }

    private List<ActionRow> rows(Reply reply) {
        List<Button> made = new ArrayList<>();
        for (Reply.Button b : reply.buttons()) {
            if (made.size() == MAX_BUTTONS) {
                break;
            }
            String id = buttons.idFor(b.command());
            String label = cut(b.label(), Button.LABEL_MAX_LENGTH);
            made.add(switch (b.style()) {
                case PRIMARY -> Button.primary(id, label);
                case DANGER -> Button.danger(id, label);
                case DEFAULT -> Button.secondary(id, label);
            });
        }
        return made.isEmpty() ? List.of() : ActionRow.partitionOf(made);
    }

    private static int colour(Reply.Tone tone) {
        return switch (tone) {
            case INFO -> 0x5865F2;
            case SUCCESS -> 0x57F287;
            case WARNING -> 0xFEE75C;
            case DANGER -> 0xED4245;
        };
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max < 2) {
            return "";
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
