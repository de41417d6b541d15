package dev.opsbot.chat;

/** Where a person or channel lives. Every stored reference to a person or channel carries one. */
public enum Platform {
    CONSOLE, SLACK, DISCORD;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<Platform> fromKey(String key) {
        for (Platform p : values()) {
            if (p.key().equalsIgnoreCase(key)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
