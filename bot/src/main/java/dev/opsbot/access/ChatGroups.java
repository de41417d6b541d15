package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import java.util.List;

/**
 * The chat groups a person belongs to where the platform has them (a Slack user group, a
 * Discord role), as holder keys such as {@code group:discord:1234}. Grants to a group count for
 * each member. An adapter that knows memberships provides this; without one nobody is in a group.
 */
@FunctionalInterface
public interface ChatGroups {

    ChatGroups NONE = actor -> List.of();

    List<String> of(Actor actor);

    static String key(dev.opsbot.chat.Platform platform, String groupId) {
        return dev.opsbot.chat.ChatGroup.key(platform, groupId);
    }
}
