package dev.opsbot.chat;

import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;

/** Replies as documents, for messages that wait in the outbox. */
final class MongoReplies {

    private MongoReplies() {
    }

    static Document encode(Reply r) {
        return new Document("title", r.title())
                .append("text", r.text())
                .append("fields", r.fields().stream()
                        .map(f -> new Document("label", f.label()).append("value", f.value())).toList())
                .append("rows", r.rows())
                .append("buttons", r.buttons().stream()
                        .map(b -> new Document("label", b.label()).append("command", b.command())
                                .append("style", b.style().name())).toList())
                .append("footer", r.footer())
                .append("visibility", r.visibility().name())
                .append("tone", r.tone().name())
                // A chart travels inside the stored message, so whichever instance delivers it has it.
                .append("images", r.images().stream()
                        .map(i -> new Document("file", i.fileName()).append("alt", i.altText())
                                .append("png", new Binary(i.png()))).toList());
    }

    static Reply decode(Document d) {
        List<Reply.Field> fields = d.getList("fields", Document.class).stream()
                .map(f -> new Reply.Field(f.getString("label"), f.getString("value"))).toList();
        List<Reply.Button> buttons = d.getList("buttons", Document.class).stream()
                .map(b -> new Reply.Button(b.getString("label"), b.getString("command"),
                        Reply.Button.Style.valueOf(b.getString("style")))).toList();
        List<Reply.Image> images = d.getList("images", Document.class, List.of()).stream()
                .map(i -> new Reply.Image(i.getString("file"), i.getString("alt"), i.get("png", Binary.class).getData()))
                .toList();
        return new Reply(d.getString("title"), d.getString("text"), fields, d.getList("rows", String.class),
                buttons, d.getString("footer"), Reply.Visibility.valueOf(d.getString("visibility")),
                Reply.Tone.valueOf(d.getString("tone")), images);
    }
}
