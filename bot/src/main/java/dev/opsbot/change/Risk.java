package dev.opsbot.change;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How bad it is if the change goes wrong; high risk needs two approvals. */
public enum Risk {
    LOW, MEDIUM, HIGH;

    public static final List<String> WORDS = Arrays.stream(values()).map(Risk::word).toList();

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Risk> parse(String word) {
        return Arrays.stream(values()).filter(r -> r.word().equalsIgnoreCase(word.strip())).findFirst();
    }
}
