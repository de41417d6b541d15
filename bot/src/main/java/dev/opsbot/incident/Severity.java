package dev.opsbot.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How bad an incident is; sev1 is the worst. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    public static final List<String> WORDS = Arrays.stream(values()).map(Severity::word).toList();

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int level() {
        return ordinal() + 1;
    }

    public static Optional<Severity> parse(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.word().equals(w) || String.valueOf(s.level()).equals(w)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
