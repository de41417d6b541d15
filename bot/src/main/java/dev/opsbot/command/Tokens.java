package dev.opsbot.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words. A quote opens only at the start of a word, so apostrophes
 * inside words ("isn't") stay literal; typographic quotes count, since chat clients substitute them.
 * Every line is {@linkplain TypedText#normalise normalised} first, so nothing stored or echoed carries
 * control characters or direction overrides.
 */
final class Tokens {

    private Tokens() {
    }

    /** A word of a command line; a quoted word is always a value, never an option name. */
    record Word(String text, boolean quoted) {
    }

    static List<String> split(String line) {
        return words(line).stream().map(Word::text).toList();
    }

    static List<Word> words(String line) {
        String text = TypedText.normalise(line).strip();
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            String closers = closersFor(c);
            if (closers != null) {
                int end = findCloser(text, i + 1, closers);
                if (end < 0) {
                    throw Refusal.badInput("The quote that starts at “" + snippet(text, i) + "” is never closed.");
                }
                words.add(new Word(text.substring(i + 1, end), true));
                i = end + 1;
                continue;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            words.add(new Word(text.substring(start, i), false));
        }
        return words;
    }

    private static String closersFor(char c) {
        return switch (c) {
            case '"' -> "\"”";
            case '“', '”' -> "”“\"";
            case '\'' -> "'’";
            case '‘' -> "’'";
            default -> null;
        };
    }

    /** A closing quote counts only when it ends a word. */
    private static int findCloser(String text, int from, String closers) {
        for (int j = from; j < text.length(); j++) {
            if (closers.indexOf(text.charAt(j)) >= 0
                    && (j + 1 == text.length() || Character.isWhitespace(text.charAt(j + 1)))) {
                return j;
            }
        }
        return -1;
    }

    private static String snippet(String text, int at) {
        String s = text.substring(at, Math.min(text.length(), at + 20));
        return at + 20 < text.length() ? s + "…" : s;
    }
}
