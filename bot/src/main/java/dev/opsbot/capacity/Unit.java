package dev.opsbot.capacity;

import java.util.Locale;
import java.util.Map;

/**
 * How a watch's values are shown: {@code --unit GiB} divides bytes by 2³⁰ for display only; the
 * query, the maximum and every comparison stay in the query's own unit. A word opsbot does not
 * know as a size ({@code connections}) is only a label.
 */
public record Unit(String label, double divisor) {

    static final Unit NONE = new Unit("", 1);
    private static final Map<String, Double> SIZES = Map.of(
            "b", 1d, "kb", 1e3, "mb", 1e6, "gb", 1e9, "tb", 1e12,
            "kib", 1024d, "mib", 1024d * 1024, "gib", 1024d * 1024 * 1024, "tib", 1024d * 1024 * 1024 * 1024);

    /** The unit a person typed: a size scales, anything else is a label (letters, digits, / and % only). */
    static Unit parse(String typed) {
        String word = typed.strip();
        if (!word.matches("[A-Za-z%/][A-Za-z0-9%/]{0,15}")) {
            return null;
        }
        Double divisor = SIZES.get(word.toLowerCase(Locale.ROOT));
        return new Unit(word, divisor == null ? 1 : divisor);
    }

    /** A value in this unit with three significant digits: "612 GiB", "1.25 TiB", "0.5". */
    String show(double raw) {
        String number = Quantity.plain(raw / divisor);
        return label.isEmpty() ? number : "%".equals(label) ? number + "%" : number + " " + label;
    }
}
