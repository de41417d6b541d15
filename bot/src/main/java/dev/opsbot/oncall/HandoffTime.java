package dev.opsbot.oncall;

import dev.opsbot.command.Refusal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;

/** When the pager changes hands, in the rotation's zone: {@code "mon 09:00"}, or {@code "09:00"} for any day. */
public record HandoffTime(DayOfWeek day, LocalTime time) {

    public static HandoffTime parse(String text) {
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length == 0 || words.length > 2) {
            throw bad(text);
        }
        DayOfWeek day = words.length == 2 ? day(words[0], text) : null;
        try {
            return new HandoffTime(day, LocalTime.parse(words[words.length - 1]));
        } catch (DateTimeParseException e) {
            throw bad(text);
        }
    }

    private static DayOfWeek day(String word, String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (word.length() >= 3 && full.startsWith(word)) {
                return d;
            }
        }
        throw bad(text);
    }

    private static Refusal bad(String text) {
        return Refusal.badInput("“" + text + "” is not a handoff time; write it like \"mon 09:00\" or \"09:00\".");
    }

    public String text() {
        String clock = time.toString();
        return day == null ? clock : day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + clock;
    }
}
