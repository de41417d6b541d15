package dev.opsbot.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times and spans read in chat: "14:03 UTC", "Nov 27 14:03 UTC", "1h 5m". */
public final class TimeText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("MMM d HH:mm");

    private TimeText() {
    }

    public static String clock(Instant at, ZoneId zone) {
        return CLOCK.withZone(zone).format(at) + " " + zoneLabel(zone);
    }

    public static String dayClock(Instant at, ZoneId zone) {
        return DAY_CLOCK.withZone(zone).format(at) + " " + zoneLabel(zone);
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

    private static String zoneLabel(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
