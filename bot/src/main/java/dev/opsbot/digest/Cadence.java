package dev.opsbot.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How often a channel gets its digest. Weekly digests come on Mondays, the start of the week. */
public enum Cadence {
    DAILY, WEEKDAYS, WEEKLY;

    public static final List<String> WORDS = Arrays.stream(values()).map(Cadence::word).toList();

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Cadence> parse(String word) {
        for (Cadence c : values()) {
            if (c.word().equalsIgnoreCase(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** How a schedule reads: "daily at 09:00 Europe/London", "on Mondays at 09:00 UTC". */
    public String describe(LocalTime at, ZoneId zone) {
        String when = switch (this) {
            case DAILY -> "daily";
            case WEEKDAYS -> "on weekdays";
            case WEEKLY -> "on Mondays";
        };
        return when + " at " + at + " " + zone.getId();
    }

    /**
     * The first post strictly after {@code after}, at the wall-clock time {@code at} in {@code zone}.
     * On a day whose clocks skip that time (spring forward) it comes at the first instant after the gap.
     */
    public Instant next(Instant after, LocalTime at, ZoneId zone) {
        LocalDate day = after.atZone(zone).toLocalDate();
        for (int i = 0; i < 9; i++, day = day.plusDays(1)) {
            if (!postsOn(day.getDayOfWeek())) {
                continue;
            }
            Instant candidate = ZonedDateTime.of(day, at, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + word() + " post within nine days of " + after);
    }

    private boolean postsOn(DayOfWeek day) {
        return switch (this) {
            case DAILY -> true;
            case WEEKDAYS -> day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
            case WEEKLY -> day == DayOfWeek.MONDAY;
        };
    }
}
