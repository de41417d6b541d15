package dev.opsbot.testing;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;

/**
 * Renders each kind of markup span distinctly — plain text in [brackets], tokens in <ANGLES> —
 * so a test can tell a real mention from typed text that merely looks like one.
 */
public final class MarkedRenderer implements Inline.Renderer {

    public static final MarkedRenderer INSTANCE = new MarkedRenderer();

    public static String render(String markup) {
        return Inline.render(markup, INSTANCE);
    }

    @Override
    public String plain(String text) {
        return "[" + text + "]";
    }

    @Override
    public String user(Actor actor) {
        return "<USER " + actor.key() + " " + actor.name() + ">";
    }

    @Override
    public String channel(ChannelRef channel) {
        return "<CHANNEL " + channel.key() + ">";
    }

    @Override
    public String strong(String text) {
        return "<B " + text + ">";
    }

    @Override
    public String here() {
        return "<HERE>";
    }
}
