package dev.opsbot.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How times and spans read in chat. {@link #at} is the one rule for a moment on the screen: the
 * clock alone when it falls today in the reader's zone ("14:03 CET"), with the day when it does
 * not ("Tue 1 Dec 14:03 CET"), with the year when it is another year ("3 Jan 2025 14:03 CET"), so
 * "09:00" never means yesterday's nine o'clock. {@link #clock} and {@link #dayClock} are the older
 * fixed forms, kept for the lines that name a zone of their own (a rotation's).
 */
public final class TimeText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_CLOCK =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_CLOCK = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private TimeText() {
    }

    /** {@code at} as someone reading it in {@code zone} at {@code now} needs it; see the class comment. */
    public static String at(Instant at, ZoneId zone, Instant now) {
        ZonedDateTime when = at.atZone(zone);
        ZonedDateTime today = now.atZone(zone);
        DateTimeFormatter form = when.toLocalDate().equals(today.toLocalDate()) ? CLOCK
                : when.getYear() == today.getYear() ? WEEKDAY_CLOCK : DATE_CLOCK;
        return form.format(when) + " " + shortZone(when);
    }

    public static String clock(Instant at, ZoneId zone) {
        return CLOCK.withZone(zone).format(at) + " " + zoneName(zone);
    }

    public static String dayClock(Instant at, ZoneId zone) {
        return DAY_CLOCK.withZone(zone).format(at) + " " + zoneName(zone);
    }

    public static String span(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        if (days > 0) {
            return hours > 0 ? days + "d " + hours + "h" : days + "d";
        }
        if (hours > 0) {
            return minutes > 0 ? hours + "h " + minutes + "m" : hours + "h";
        }
        if (minutes > 0) {
            return minutes + "m";
        }
        return seconds + "s";
    }

    /**
     * The zone as people say it at that moment (CET in winter, CEST in summer); where the zone has
     * no common abbreviation Java answers with an offset such as GMT+03:00, which is still unambiguous.
     */
    private static String shortZone(ZonedDateTime when) {
        return isUtc(when.getZone()) ? "UTC" : SHORT_ZONE.format(when);
    }

    /** A zone's name as chat shows it: "UTC" for UTC however it was given ("Z", "Etc/UTC"), else its id. */
    public static String zoneName(ZoneId zone) {
        return isUtc(zone) ? "UTC" : zone.getId();
    }

    private static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }
}
