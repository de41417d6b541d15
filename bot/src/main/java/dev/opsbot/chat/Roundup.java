package dev.opsbot.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several announcements for one flooded channel as one message: a line each (title and
 * headline), in the order they were made, with the people they mention named in the text so
 * they are still notified where a platform pings only from the message text. Reports (anything
 * with rows, such as a digest) and {@code @here} pages are never combined: they always go alone.
 */
final class Roundup {

    /** Longer lines are shown as plain text, cut; one line per announcement keeps a roundup readable. */
    static final int LINE_MAX = 200;

    private Roundup() {
    }

    static boolean combinable(Reply message) {
        Mentions found = new Mentions();
        Inline.render(message.title() + message.text(), found);
        return message.rows().isEmpty() && !found.here;
    }

    static Reply of(List<Reply> messages) {
        Mentions mentioned = new Mentions();
        List<String> lines = new ArrayList<>();
        Reply.Tone tone = Reply.Tone.INFO;
        for (Reply m : messages) {
            String line = m.title().isEmpty() ? m.text()
                    : m.text().isEmpty() ? m.title() : m.title() + " — " + m.text();
            if (line.isEmpty()) {
                line = m.plainText();
            }
            Inline.render(line, mentioned);
            String plain = Inline.plain(line);
            lines.add(plain.length() <= LINE_MAX ? line : cut(plain));
            if (m.tone().ordinal() > tone.ordinal()) {
                tone = m.tone();
            }
        }
        Reply.Builder b = Reply.toChannel(messages.size() + " announcements").rows(lines).tone(tone)
                .footer("These came faster than this channel takes messages, so they are posted together.");
        if (!mentioned.people.isEmpty()) {
            b.text("For " + String.join(" ", mentioned.people.stream().map(Inline::user).toList()));
        }
        return b.build();
    }

    private static String cut(String plain) {
        int end = LINE_MAX - 1;
        if (Character.isHighSurrogate(plain.charAt(end - 1))) {
            end--;
        }
        return plain.substring(0, end) + "…";
    }

    /** One key for the roundup of these keys, the same however often the same set is posted. */
    static String key(List<String> keys) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", keys).getBytes(StandardCharsets.UTF_8));
            return "roundup:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Collects who a piece of markup mentions, and whether it pings everyone present. */
    private static final class Mentions implements Inline.Renderer {
        final Set<Actor> people = new LinkedHashSet<>();
        boolean here;

        @Override
        public String plain(String text) {
            return text;
        }

        @Override
        public String user(Actor actor) {
            people.add(actor);
            return "";
        }

        @Override
        public String channel(ChannelRef channel) {
            return "";
        }

        @Override
        public String strong(String text) {
            return text;
        }

        @Override
        public String here() {
            here = true;
            return "";
        }
    }
}
