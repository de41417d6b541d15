package dev.opsbot.chat;

import java.util.Objects;

/**
 * A person, known by a platform-qualified id. The display name is carried for rendering
 * where a platform cannot mention (the console, another platform) but is not part of identity.
 */
public record Actor(Platform platform, String id, String name) {

    public Actor {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }

    public static Actor console(String name) {
        return new Actor(Platform.CONSOLE, name, name);
    }

    /** Stable string form used as a key in storage: {@code slack:U123}. */
    public String key() {
        return platform.key() + ":" + id;
    }

    /** Reads the {@link #key()} form back; the name is unknown there, so it is the id. */
    public static java.util.Optional<Actor> parseKey(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return java.util.Optional.empty();
        }
        String id = key.substring(colon + 1);
        return Platform.fromKey(key.substring(0, colon)).map(p -> new Actor(p, id, id));
    }

    public boolean sameAs(Actor other) {
        return other != null && platform == other.platform && id.equals(other.id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor a && sameAs(a);
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, id);
    }
}
