package dev.opsbot.chat;

import java.util.Objects;

/**
 * A group a platform keeps of its people (a Discord role, a Slack user group), known by a
 * platform-qualified id. The name is for showing only, as with {@link Actor}.
 */
public record ChatGroup(Platform platform, String id, String name) {

    public ChatGroup {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }

    /** The holder key grants to this group are stored under: {@code group:discord:1234}. */
    public String key() {
        return key(platform, id);
    }

    public static String key(Platform platform, String id) {
        return "group:" + platform.key() + ":" + id;
    }
}
