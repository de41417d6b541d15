package dev.opsbot.escalation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who one escalation level pings: the primary on call, the secondary, or everyone in the service channel. */
public enum Level {
    PRIMARY, SECONDARY, CHANNEL;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> parse(String word) {
        return Arrays.stream(values()).filter(l -> l.word().equalsIgnoreCase(word.strip())).findFirst();
    }
}
