package dev.opsbot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link Reply} as Block Kit: header, text, fields, rows, context footer and buttons, cut to
 * Slack's limits (150-character headers, 3000-character sections, 10 fields a section, 50 blocks,
 * 25 buttons) so a long answer is shortened rather than rejected.
 */
final class BlockKit {

    static final String ACTION_PREFIX = "opsbot-run-";
    static final String BLOCK_PREFIX = "opsbot-";

    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 3000;
    private static final int FIELD_MAX = 2000;
    private static final int FIELDS_PER_SECTION = 10;
    private static final int BLOCKS_MAX = 50;
    private static final int BUTTONS_MAX = 25;
    private static final int BUTTON_LABEL_MAX = 75;
    private static final int BUTTON_VALUE_MAX = 2000;

    private BlockKit() {
    }

    /** What a message is made of: Block Kit blocks and the notification text shown beside them. */
    record Message(String text, List<LayoutBlock> blocks) {
    }

    static Message render(Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!reply.title().isEmpty()) {
            blocks.add(HeaderBlock.builder()
                    .text(plainText(reply.title(), HEADER_MAX, true))
                    .build());
        }
        if (!reply.text().isEmpty()) {
            blocks.add(section(SlackMarkup.render(reply.text())));
        }
        addFields(blocks, reply.fields());
        addRows(blocks, reply.rows(), BLOCKS_MAX - blocks.size() - (reply.footer().isEmpty() ? 0 : 1)
                - (reply.buttons().isEmpty() ? 0 : 1));
        if (!reply.footer().isEmpty()) {
            blocks.add(ContextBlock.builder()
                    .elements(List.of(mrkdwn(cut(SlackMarkup.render(reply.footer()), SECTION_MAX))))
                    .build());
        }
        if (!reply.buttons().isEmpty()) {
            blocks.add(buttons(reply.buttons()));
        }
        return new Message(cut(fallback(reply), SECTION_MAX), blocks);
    }

    private static void addFields(List<LayoutBlock> blocks, List<Reply.Field> fields) {
        for (int from = 0; from < fields.size(); from += FIELDS_PER_SECTION) {
            List<TextObject> texts = new ArrayList<>();
            for (Reply.Field f : fields.subList(from, Math.min(fields.size(), from + FIELDS_PER_SECTION))) {
                String label = "*" + SlackMarkup.escape(f.label()) + "*\n";
                texts.add(mrkdwn(cut(label + SlackMarkup.render(f.value()), FIELD_MAX)));
            }
            blocks.add(SectionBlock.builder().fields(texts).build());
        }
    }

    /** Rows are packed into as few sections as fit in {@code room} blocks, one kept for a "more" note. */
    private static void addRows(List<LayoutBlock> blocks, List<String> rows, int room) {
        int sections = 0;
        int shown = 0;
        StringBuilder chunk = new StringBuilder();
        for (String row : rows) {
            String line = cut(SlackMarkup.render(row), SECTION_MAX);
            if (chunk.length() > 0 && chunk.length() + 1 + line.length() > SECTION_MAX) {
                if (sections + 2 > room - 1) {
                    break;
                }
                blocks.add(section(chunk.toString()));
                sections++;
                chunk.setLength(0);
            }
            if (chunk.length() > 0) {
                chunk.append('\n');
            }
            chunk.append(line);
            shown++;
        }
        if (chunk.length() > 0) {
            blocks.add(section(chunk.toString()));
        }
        if (shown < rows.size()) {
            blocks.add(ContextBlock.builder()
                    .elements(List.of(mrkdwn("…and " + (rows.size() - shown) + " more not shown.")))
                    .build());
        }
    }

    private static ActionsBlock buttons(List<Reply.Button> buttons) {
        // A fresh block id per rendering: a second click on the same rendering is a double click,
        // while a click on the message after it was updated is a new request.
        String render = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        List<BlockElement> elements = new ArrayList<>();
        for (int i = 0; i < Math.min(buttons.size(), BUTTONS_MAX); i++) {
            Reply.Button b = buttons.get(i);
            ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
                    .actionId(ACTION_PREFIX + i)
                    .text(plainText(b.label(), BUTTON_LABEL_MAX, false))
                    .value(cut(b.command(), BUTTON_VALUE_MAX));
            switch (b.style()) {
                case PRIMARY -> button.style("primary");
                case DANGER -> button.style("danger");
                default -> {
                }
            }
            elements.add(button.build());
        }
        return ActionsBlock.builder().blockId(BLOCK_PREFIX + render).elements(elements).build();
    }

    /** The notification text: the title as plain words, then the text with its mentions. */
    private static String fallback(Reply reply) {
        String title = SlackMarkup.escape(Inline.plain(reply.title()));
        String text = SlackMarkup.render(reply.text());
        if (!title.isEmpty()) {
            return text.isEmpty() ? title : title + " — " + text;
        }
        return text.isEmpty() ? SlackMarkup.escape(reply.plainText()) : text;
    }

    /** Plain text shows no mentions; it is escaped all the same, as Slack decodes entities everywhere. */
    private static PlainTextObject plainText(String markup, int max, boolean emoji) {
        return PlainTextObject.builder().text(cut(SlackMarkup.escape(Inline.plain(markup)), max)).emoji(emoji).build();
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(mrkdwn(cut(mrkdwn, SECTION_MAX))).build();
    }

    private static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    /** Shortens without splitting an escape such as {@code &amp;} or a mention such as {@code <@U1>}. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        int amp = text.lastIndexOf('&', end);
        if (amp >= 0 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        int open = text.lastIndexOf('<', end);
        if (open >= 0 && text.indexOf('>', open) >= end) {
            end = open;
        }
        return text.substring(0, end) + "…";
    }
}
