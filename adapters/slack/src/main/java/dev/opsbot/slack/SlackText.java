package dev.opsbot.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a slash command, as Slack sends it, back into what the person typed.
 * Slack encodes {@code & < >} as entities and wraps broadcasts and links in angle brackets.
 * Person and channel mentions are kept so options can read them; broadcasts and links become
 * readable words, which the renderer escapes again on the way out.
 */
final class SlackText {

    private static final Pattern SPECIAL = Pattern.compile("<!([a-z]+)(?:\\^[A-Z0-9]+)?(?:\\|([^>]*))?>");
    private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^|>]*)(?:\\|[^>]*)?>");

    private SlackText() {
    }

    static String typed(String slackText) {
        if (slackText == null || slackText.isEmpty()) {
            return "";
        }
        String text = replace(SPECIAL, slackText, m -> m.group(2) != null ? m.group(2) : "@" + m.group(1));
        text = replace(LINK, text, m -> m.group(1));
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
