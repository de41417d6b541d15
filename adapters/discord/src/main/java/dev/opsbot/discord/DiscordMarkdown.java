package dev.opsbot.discord;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Platform;

/**
 * Inline markup as Discord markdown. Plain spans are escaped so typed text can neither format nor
 * mention ({@code \@everyone}, {@code \<@&role>} show literally); people and channels of Discord
 * become real mentions, those of other platforms their names. Embed titles show mentions as raw
 * ids, so there {@code withMentions} is false and names are written instead. One instance renders
 * one message and remembers whether the core asked for {@code @here}.
 */
final class DiscordMarkdown implements Inline.Renderer {

    // Discord's markdown treats a backslash before any punctuation as an escape, so these are safe
    // to escape anywhere; the line-start ones only format at the start of a line.
    private static final String ANYWHERE = "\\*_~`|[]<@";
    private static final String LINE_START = "#->";

    private final boolean withMentions;
    private boolean here;

    DiscordMarkdown(boolean withMentions) {
        this.withMentions = withMentions;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ANYWHERE.indexOf(c) >= 0 || (lineStart && LINE_START.indexOf(c) >= 0)) {
                out.append('\\');
            }
            out.append(c);
            if (c == '\n') {
                lineStart = true;
            } else if (!Character.isWhitespace(c)) {
                lineStart = false;
            }
        }
        return out.toString();
    }

    /** True once {@link #here()} was rendered: only then may the message notify a whole channel. */
    boolean pingsHere() {
        return here;
    }

    @Override
    public String plain(String text) {
        return escape(text);
    }

    @Override
    public String user(Actor actor) {
        if (withMentions && actor.platform() == Platform.DISCORD) {
            return DiscordMentions.userMention(actor.id());
        }
        return escape("@" + actor.name());
    }

    @Override
    public String channel(ChannelRef channel) {
        if (withMentions && channel.platform() == Platform.DISCORD) {
            return DiscordMentions.channelMention(channel.id());
        }
        return escape("#" + channel.name());
    }

    @Override
    public String strong(String text) {
        return "**" + escape(text) + "**";
    }

    @Override
    public String here() {
        // Embed titles never notify, so only a body's @here lets the message ping the channel.
        here |= withMentions;
        return "@here";
    }
}
