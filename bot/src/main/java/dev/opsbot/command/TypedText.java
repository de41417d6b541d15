package dev.opsbot.command;

import dev.opsbot.chat.Inline;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What typed text becomes before opsbot parses, stores or echoes any of it. The router applies
 * it at its entry (to a line and to values delivered by name); a terminal applies it before
 * echoing a line.
 */
public final class TypedText {

    private TypedText() {
    }

    /**
     * Typed text as opsbot keeps it: the markup delimiters and every other control character
     * (NUL, BEL, ESC with the terminal sequence it starts, DEL, C1 codes) removed; a carriage
     * return, tab, non-breaking or other Unicode space becomes a plain space (a CR-LF a newline);
     * bidirectional overrides, embeddings, isolates and marks, zero-width spaces and byte-order
     * marks removed, so text cannot read differently on screen from what was stored. Newlines
     * stay: free text may have several lines.
     */
    public static String normalise(String typed) {
        String text = Inline.clean(typed);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c >= ' ' && c < 0x7f && c != '\r') || (c > 0x9f && !unsafe(c))) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\u001b') {
                i = endOfEscape(text, i);
                continue;
            }
            if (c == '\r' || c == '\t' || Character.isSpaceChar(c)) {
                out.append(' ');
            }
        }
        return out == null ? text : out.toString();
    }

    /** Option values delivered by name (Discord) get the same treatment as a typed line. */
    public static Map<String, String> normalise(Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((name, value) -> out.put(name, value == null ? null : normalise(value)));
        return out;
    }

    private static boolean unsafe(char c) {
        return Character.isSpaceChar(c)  // non-breaking and other Unicode spaces
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c'
                || c == '\u200b' || c == '\u2060' || c == '\ufeff';
    }

    /** Where a terminal escape sequence starting at {@code esc} ends (ESC [ … final byte), so it goes as a whole. */
    private static int endOfEscape(String text, int esc) {
        if (esc + 1 >= text.length() || text.charAt(esc + 1) != '[') {
            return esc;
        }
        for (int j = esc + 2; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c >= 0x40 && c <= 0x7e) {
                return j;
            }
            if (c < 0x20 || c > 0x3f) {
                return j - 1;
            }
        }
        return text.length() - 1;
    }
}
