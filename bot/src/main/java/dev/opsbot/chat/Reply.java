package dev.opsbot.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * What the bot says, independent of any platform: Slack renders it as Block Kit, Discord as an
 * embed with components, the console as plain text. All text is {@link Inline} markup.
 */
public record Reply(
        String title,
        String text,
        List<Field> fields,
        List<String> rows,
        List<Button> buttons,
        String footer,
        Visibility visibility,
        Tone tone,
        List<Image> images) {

    public Reply {
        images = images == null ? List.of() : List.copyOf(images);
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        footer = footer == null ? "" : footer;
        fields = List.copyOf(fields);
        rows = List.copyOf(rows);
        buttons = List.copyOf(buttons);
    }

    public Reply(String title, String text, List<Field> fields, List<String> rows, List<Button> buttons, String footer,
            Visibility visibility, Tone tone) {
        this(title, text, fields, rows, buttons, footer, visibility, tone, List.of());
    }

    /**
     * A picture that goes with a reply (a chart): PNG bytes, the file name it is shown under and
     * the alternative text. Each adapter delivers it its own way (see docs/architecture.md, "Capacity").
     */
    public record Image(String fileName, String altText, byte[] png) {

        public Image {
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }

        public int size() {
            return png.length;
        }
    }

    /** Who sees a reply: only the person who typed the command, or everyone in the channel. */
    public enum Visibility { ONLY_ME, CHANNEL }

    /** The mood of a reply, used for colour bars and icons where a platform has them. */
    public enum Tone { INFO, SUCCESS, WARNING, DANGER }

    public record Field(String label, String value) {
    }

    /** A button runs a catalog command as the person who clicks it, e.g. {@code /incident ack INC-42}. */
    public record Button(String label, String command, Style style) {
        public enum Style { DEFAULT, PRIMARY, DANGER }
    }

    public static Builder toChannel(String title) {
        return new Builder(Visibility.CHANNEL).title(title);
    }

    public static Builder onlyMe(String title) {
        return new Builder(Visibility.ONLY_ME).title(title);
    }

    /** A short private answer with no title. */
    public static Reply note(String text) {
        return new Builder(Visibility.ONLY_ME).text(text).build();
    }

    /** A refused command: one sentence, and the usage line when the input was at fault. */
    public static Reply refusal(String sentence, String usage) {
        Builder b = new Builder(Visibility.ONLY_ME).tone(Tone.WARNING).text(sentence);
        if (usage != null && !usage.isBlank()) {
            b.footer("Usage: " + usage);
        }
        return b.build();
    }

    public boolean isPrivate() {
        return visibility == Visibility.ONLY_ME;
    }

    /** The whole reply as plain text, for logs and the console. */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        if (!title.isEmpty()) {
            sb.append(Inline.plain(title)).append('\n');
        }
        if (!text.isEmpty()) {
            sb.append(Inline.plain(text)).append('\n');
        }
        for (Field f : fields) {
            sb.append(f.label()).append(": ").append(Inline.plain(f.value())).append('\n');
        }
        for (String row : rows) {
            sb.append(Inline.plain(row)).append('\n');
        }
        if (!footer.isEmpty()) {
            sb.append(Inline.plain(footer)).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    public static final class Builder {
        private String title = "";
        private String text = "";
        private final List<Field> fields = new ArrayList<>();
        private final List<String> rows = new ArrayList<>();
        private final List<Button> buttons = new ArrayList<>();
        private String footer = "";
        private final Visibility visibility;
        private Tone tone = Tone.INFO;
        private final List<Image> images = new ArrayList<>();

        private Builder(Visibility visibility) {
            this.visibility = visibility;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder field(String label, String value) {
            fields.add(new Field(label, value));
            return this;
        }

        public Builder row(String row) {
            rows.add(row);
            return this;
        }

        public Builder rows(List<String> more) {
            rows.addAll(more);
            return this;
        }

        public Builder button(String label, String command) {
            buttons.add(new Button(label, command, Button.Style.DEFAULT));
            return this;
        }

        public Builder button(String label, String command, Button.Style style) {
            buttons.add(new Button(label, command, style));
            return this;
        }

        public Builder footer(String footer) {
            this.footer = footer;
            return this;
        }

        public Builder tone(Tone tone) {
            this.tone = tone;
            return this;
        }

        public Builder image(Image image) {
            images.add(image);
            return this;
        }

        public Reply build() {
            return new Reply(title, text, fields, rows, buttons, footer, visibility, tone, images);
        }
    }
}
