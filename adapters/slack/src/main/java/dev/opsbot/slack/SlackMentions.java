package dev.opsbot.slack;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.command.MentionSyntax;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People and channels as Slack writes them in a command's text once "escape channels, users and
 * links" is on (the manifest turns it on): {@code <@U024BE7LH|bob>} and {@code <#C042|ops>}.
 * Newer clients may leave out the name part.
 */
public final class SlackMentions implements MentionSyntax {

    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]{1,31})(?:\\|([^>]{0,80}))?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([CGD][A-Z0-9]{1,31})(?:\\|([^>]{0,80}))?>");

    @Override
    public Optional<Actor> user(String token) {
        Matcher m = USER.matcher(token.strip());
        return m.matches() ? Optional.of(new Actor(Platform.SLACK, m.group(1), m.group(2))) : Optional.empty();
    }

    @Override
    public Optional<ChannelRef> channel(String token) {
        Matcher m = CHANNEL.matcher(token.strip());
        return m.matches() ? Optional.of(new ChannelRef(Platform.SLACK, m.group(1), m.group(2))) : Optional.empty();
    }
}
