package dev.opsbot.console;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;

/** A reply as terminal text: title, text, fields, rows, buttons as the commands they run, footer. */
final class ConsoleText {

    private ConsoleText() {
    }

    static String render(Reply reply) {
        StringBuilder sb = new StringBuilder();
        if (!reply.title().isEmpty()) {
            line(sb, "", Inline.plain(reply.title()));
        }
        if (!reply.text().isEmpty()) {
            line(sb, "", Inline.plain(reply.text()));
        }
        for (Reply.Field f : reply.fields()) {
            line(sb, "  ", f.label() + ": " + Inline.plain(f.value()));
        }
        for (String row : reply.rows()) {
            // A heading row (a section title) stands out by having no bullet.
            String bullet = Inline.isHeading(row) ? "" : "• ";
            line(sb, "  ", bullet + Inline.plain(row).replace("\n", "\n    "));
        }
        if (!reply.buttons().isEmpty()) {
            StringBuilder buttons = new StringBuilder();
            for (Reply.Button b : reply.buttons()) {
                buttons.append(buttons.length() == 0 ? "" : "  ").append('[').append(b.label()).append(": ")
                        .append(b.command()).append(']');
            }
            line(sb, "  ", buttons.toString());
        }
        if (!reply.footer().isEmpty()) {
            line(sb, "", Inline.plain(reply.footer()));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String indent, String text) {
        sb.append(indent).append(text).append('\n');
    }
}
