package dev.opsbot.change;

import dev.opsbot.command.Refusal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time as people type it for a change window, in the team's zone: {@code 2026-12-01T22:00},
 * {@code "tomorrow 22:00"}, {@code "today 09:30"}, {@code +2h} (also {@code +1d}, {@code +45m},
 * {@code +1h30m}) and {@code now}. Anything else is refused with one sentence saying what it accepts.
 */
public final class WhenText {

    static final String FORMS = "write 2026-12-01T22:00, \"tomorrow 22:00\" (in quotes) or +2h";
    private static final Pattern RELATIVE = Pattern.compile("\\+((?:\\d{1,4}[dhm])+)");
    private static final Pattern PART = Pattern.compile("(\\d{1,4})([dhm])");
    private static final Pattern DAY_AND_TIME = Pattern.compile("(today|tomorrow)[ t@]+(\\d{1,2}:\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ t](\\d{1,2}:\\d{2})");

    private WhenText() {
    }

    /** The instant {@code typed} names, to the minute, or a refusal naming the option it was given for. */
    public static Instant parse(String option, String typed, Instant now, ZoneId zone) {
        String text = typed.strip().toLowerCase(Locale.ROOT);
        if (text.equals("now")) {
            return now.truncatedTo(ChronoUnit.MINUTES);
        }
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            Duration span = Duration.ZERO;
            Matcher part = PART.matcher(relative.group(1));
            while (part.find()) {
                long n = Long.parseLong(part.group(1));
                span = span.plus(switch (part.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                });
            }
            return now.plus(span).truncatedTo(ChronoUnit.MINUTES);
        }
        Matcher dayTime = DAY_AND_TIME.matcher(text);
        if (dayTime.matches()) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate day = dayTime.group(1).equals("today") ? today : today.plusDays(1);
            return at(option, typed, day, dayTime.group(2), zone);
        }
        Matcher dateTime = DATE_TIME.matcher(text);
        if (dateTime.matches()) {
            try {
                return at(option, typed, LocalDate.parse(dateTime.group(1)), dateTime.group(2), zone);
            } catch (DateTimeException e) {
                throw unreadable(option, typed);
            }
        }
        if (text.equals("today") || text.equals("tomorrow")) {
            throw Refusal.badInput("--" + option + " " + typed + " needs a time of day: write --" + option + " \""
                    + text + " 22:00\" in quotes.");
        }
        throw unreadable(option, typed);
    }

    private static Instant at(String option, String typed, LocalDate day, String clock, ZoneId zone) {
        try {
            String padded = clock.length() == 4 ? "0" + clock : clock;
            return LocalDateTime.of(day, LocalTime.parse(padded)).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw unreadable(option, typed);
        }
    }

    private static Refusal unreadable(String option, String typed) {
        return Refusal.badInput("“" + typed + "” is not a time I can read for --" + option + "; " + FORMS + ".");
    }
}
