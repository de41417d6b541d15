package dev.opsbot.command;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import java.util.Optional;
import java.util.regex.Pattern;

/** Names as people type them in a terminal: {@code @alice} (or {@code alice}) and {@code #ops}. */
public final class PlainMentions implements MentionSyntax {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Platform platform;

    public PlainMentions(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Optional<Actor> user(String token) {
        String name = token.startsWith("@") ? token.substring(1) : token;
        return NAME.matcher(name).matches() ? Optional.of(new Actor(platform, name, name)) : Optional.empty();
    }

    @Override
    public Optional<ChannelRef> channel(String token) {
        String name = token.startsWith("#") ? token.substring(1) : token;
        return NAME.matcher(name).matches() ? Optional.of(new ChannelRef(platform, name, name)) : Optional.empty();
    }
}
