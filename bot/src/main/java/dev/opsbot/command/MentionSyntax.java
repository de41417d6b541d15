package dev.opsbot.command;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import java.util.Optional;

/** How one platform writes people and channels inside a command line. */
public interface MentionSyntax {

    Optional<Actor> user(String token);

    Optional<ChannelRef> channel(String token);
}
