package dev.opsbot.command;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.ChatGroup;
import dev.opsbot.chat.Platform;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names as people type them in a terminal: {@code @alice} (or {@code alice}), {@code #ops}, and
 * a chat group as {@code @group:oncall} (the console has no memberships; its groups can be
 * granted, listed and revoked, which is what a script or a trial needs).
 */
public final class PlainMentions implements MentionSyntax {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Words every chat platform reads as "notify everyone"; never a person's name. */
    private static final Set<String> BROADCASTS = Set.of("here", "everyone", "channel");

    private static final String GROUP = "group:";

    private final Platform platform;

    public PlainMentions(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Optional<Actor> user(String token) {
        String name = token.startsWith("@") ? token.substring(1) : token;
        if (!NAME.matcher(name).matches() || BROADCASTS.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new Actor(platform, name, name));
    }

    @Override
    public Optional<ChatGroup> group(String token) {
        String name = token.startsWith("@") ? token.substring(1) : token;
        if (!name.regionMatches(true, 0, GROUP, 0, GROUP.length())) {
            return Optional.empty();
        }
        String id = name.substring(GROUP.length());
        return NAME.matcher(id).matches() ? Optional.of(new ChatGroup(platform, id, id)) : Optional.empty();
    }

    @Override
    public Optional<ChannelRef> channel(String token) {
        String name = token.startsWith("#") ? token.substring(1) : token;
        return NAME.matcher(name).matches() ? Optional.of(new ChannelRef(platform, name, name)) : Optional.empty();
    }
}
