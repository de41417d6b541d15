package dev.opsbot.chat;

import java.util.Objects;
import java.util.Optional;

/** A channel on one platform; the name is for display only, identity is platform + id. */
public record ChannelRef(Platform platform, String id, String name) {

    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }

    public static ChannelRef console(String name) {
        return new ChannelRef(Platform.CONSOLE, name, name);
    }

    public String key() {
        return platform.key() + ":" + id;
    }

    /** Reads the {@code platform:id} form used in configuration, e.g. {@code slack:C042}. */
    public static Optional<ChannelRef> parseKey(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return Optional.empty();
        }
        String id = key.substring(colon + 1).replaceFirst("^#", "");
        return Platform.fromKey(key.substring(0, colon)).map(p -> new ChannelRef(p, id, id));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelRef c && platform == c.platform && id.equals(c.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, id);
    }
}
