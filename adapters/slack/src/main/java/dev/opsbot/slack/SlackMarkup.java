package dev.opsbot.slack;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Platform;
import java.util.regex.Pattern;

/**
 * Inline markup as Slack mrkdwn. Plain spans are escaped, so text a person typed (even a typed
 * {@code <!channel>}) can never become a broadcast or a link; only markup tokens become mentions.
 */
public final class SlackMarkup implements Inline.Renderer {

    public static final SlackMarkup INSTANCE = new SlackMarkup();

    private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{2,32}");

    private SlackMarkup() {
    }

    public static String render(String markup) {
        return Inline.render(markup, INSTANCE);
    }

    /** Slack's three control characters; everything else in mrkdwn is safe to show as typed. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String plain(String text) {
        return escape(text);
    }

    @Override
    public String user(Actor actor) {
        if (actor.platform() == Platform.SLACK && SLACK_ID.matcher(actor.id()).matches()) {
            return "<@" + actor.id() + ">";
        }
        return escape("@" + actor.name());
    }

    @Override
    public String channel(ChannelRef channel) {
        if (channel.platform() == Platform.SLACK && SLACK_ID.matcher(channel.id()).matches()) {
            return "<#" + channel.id() + ">";
        }
        return escape("#" + channel.name());
    }

    @Override
    public String strong(String text) {
        return text.isBlank() ? escape(text) : "*" + escape(text) + "*";
    }

    @Override
    public String here() {
        return "<!here>";
    }
}
