package dev.opsbot.command;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.ChatGroup;
import java.util.Optional;

/** How one platform writes people, chat groups and channels inside a command line. */
public interface MentionSyntax {

    Optional<Actor> user(String token);

    Optional<ChannelRef> channel(String token);

    /** A chat group (a Discord role, a Slack user group); a platform without groups names none. */
    default Optional<ChatGroup> group(String token) {
        return Optional.empty();
    }
}
