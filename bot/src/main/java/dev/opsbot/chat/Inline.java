package dev.opsbot.chat;

/**
 * The neutral inline markup of reply text. Plain text is kept as typed; mentions, channel
 * links, emphasis and {@code @here} are embedded as control-character-delimited tokens that
 * each adapter renders in its own syntax. Because user input is stripped of those two
 * control characters on entry, typed text can never forge a mention, and every plain span
 * passes through the adapter's escaping at render time.
 */
public final class Inline {

    private static final char OPEN = '\u0001';
    private static final char CLOSE = '\u0002';

    private Inline() {
    }

    /** Display names come from the platform and people choose them, so they are cleaned like typed text. */
    public static String user(Actor actor) {
        return OPEN + "u:" + actor.platform().key() + ":" + clean(actor.id()) + ":" + clean(actor.name()) + CLOSE;
    }

    public static String channel(ChannelRef channel) {
        return OPEN + "c:" + channel.platform().key() + ":" + clean(channel.id()) + ":" + clean(channel.name())
                + CLOSE;
    }

    public static String strong(String text) {
        return OPEN + "b:" + clean(text) + CLOSE;
    }

    /** Notifies everyone present in the channel; used only by escalation, never from user text. */
    public static String here() {
        return OPEN + "h:" + CLOSE;
    }

    /** True when the markup is a single emphasised span, which platforms may set as a heading. */
    public static boolean isHeading(String markup) {
        return markup.startsWith(OPEN + "b:") && markup.indexOf(CLOSE) == markup.length() - 1;
    }

    /** Removes the token delimiters from text a person typed. */
    public static String clean(String typed) {
        if (typed.indexOf(OPEN) < 0 && typed.indexOf(CLOSE) < 0) {
            return typed;
        }
        return typed.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }

    /** Renders markup for one platform. */
    public static String render(String markup, Renderer renderer) {
        StringBuilder out = new StringBuilder(markup.length() + 16);
        int i = 0;
        while (i < markup.length()) {
            int open = markup.indexOf(OPEN, i);
            if (open < 0) {
                out.append(renderer.plain(markup.substring(i)));
                break;
            }
            int close = markup.indexOf(CLOSE, open);
            if (close < 0) {
                out.append(renderer.plain(markup.substring(i)));
                break;
            }
            if (open > i) {
                out.append(renderer.plain(markup.substring(i, open)));
            }
            out.append(token(markup.substring(open + 1, close), renderer));
            i = close + 1;
        }
        return out.toString();
    }

    /** Markup reduced to readable plain text, for logs, digests and places without formatting. */
    public static String plain(String markup) {
        return render(markup, PLAIN);
    }

    private static String token(String body, Renderer r) {
        String kind = body.substring(0, Math.min(2, body.length()));
        String rest = body.length() > 2 ? body.substring(2) : "";
        switch (kind) {
            case "b:":
                return r.strong(rest);
            case "h:":
                return r.here();
            case "u:":
            case "c:":
                String[] parts = rest.split(":", 3);
                if (parts.length < 3) {
                    return r.plain(rest);
                }
                Platform platform = Platform.fromKey(parts[0]).orElse(Platform.CONSOLE);
                String id = parts[1];
                String name = parts[2];
                return kind.equals("u:")
                        ? r.user(new Actor(platform, id, name))
                        : r.channel(new ChannelRef(platform, id, name));
            default:
                return r.plain(rest);
        }
    }

    /** How one platform writes each kind of span. Plain spans must be escaped by the implementation. */
    public interface Renderer {
        String plain(String text);

        String user(Actor actor);

        String channel(ChannelRef channel);

        String strong(String text);

        String here();
    }

    /** Plain-text rendering: names instead of mentions, nothing escaped. */
    public static final Renderer PLAIN = new Renderer() {
        @Override
        public String plain(String text) {
            return text;
        }

        @Override
        public String user(Actor actor) {
            return "@" + actor.name();
        }

        @Override
        public String channel(ChannelRef channel) {
            return "#" + channel.name();
        }

        @Override
        public String strong(String text) {
            return text;
        }

        @Override
        public String here() {
            return "@here";
        }
    };
}
