package dev.opsbot.change;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Normal changes are approved by people; standard ones come from a template and are approved on
 * creation; emergency ones fix an incident, need one approval and may cross a freeze.
 */
public enum ChangeType {
    NORMAL, STANDARD, EMERGENCY;

    public static final List<String> WORDS = Arrays.stream(values()).map(ChangeType::word).toList();

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChangeType> parse(String word) {
        return Arrays.stream(values()).filter(t -> t.word().equalsIgnoreCase(word.strip())).findFirst();
    }
}
