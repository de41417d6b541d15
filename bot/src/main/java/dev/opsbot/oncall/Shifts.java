package dev.opsbot.oncall;

import dev.opsbot.chat.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who is on call, computed from the rotation alone: no clock, no store. Handoffs are wall-clock
 * times in the rotation's zone, so a turn across a DST change is an hour shorter or longer, and
 * the handoff stays at 09:00 local.
 */
public final class Shifts {

    private Shifts() {
    }

    /** Who is on call at {@code t}, overrides included; the latest override wins. */
    public static Shift at(Rotation r, Instant t) {
        long n = turn(r, t);
        Shift scheduled = turnShift(r, n);
        Cover cover = null;
        for (Cover c : r.covers()) {
            if (c.covers(t)) {
                cover = c;
            }
        }
        if (cover == null) {
            return scheduled;
        }
        return new Shift(cover.who(), backupDuring(r, n, cover.who()), cover.from(), cover.until(), true);
    }

    /**
     * The backup while {@code who} covers turn {@code n}: the turn's own backup, never the person
     * who stepped away (they are off for a reason) nor the cover; the next member in line instead.
     */
    private static Actor backupDuring(Rotation r, long n, Actor who) {
        Actor away = member(r, n);
        for (long m = n + 1; m <= n + r.members().size(); m++) {
            Actor candidate = member(r, m);
            if (!candidate.sameAs(who) && !candidate.sameAs(away)) {
                return candidate;
            }
        }
        return null;
    }

    /** The rotation's own turn at {@code t}, ignoring overrides. */
    public static Shift scheduled(Rotation r, Instant t) {
        long n = turn(r, t);
        return turnShift(r, n);
    }

    /** The first handoff strictly after {@code t}. */
    public static Instant nextHandoff(Rotation r, Instant t) {
        return handoff(r, turn(r, t) + 1);
    }

    /**
     * The next scheduled turn of {@code who} that starts after {@code t} (the very next turn
     * included), looking one full cycle ahead.
     */
    public static Optional<Shift> nextTurnOf(Rotation r, Actor who, Instant t) {
        long n = turn(r, t);
        for (long m = n + 1; m <= n + r.members().size(); m++) {
            if (member(r, m).sameAs(who)) {
                return Optional.of(turnShift(r, m));
            }
        }
        return Optional.empty();
    }

    /** The local date of the latest handoff at or before {@code now}: where a new rotation's first turn starts. */
    static LocalDate latestHandoffDay(HandoffTime h, ZoneId zone, Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate();
        for (int back = 0; back <= 7; back++) {
            LocalDate d = day.minusDays(back);
            boolean rightDay = h.day() == null || d.getDayOfWeek() == h.day();
            if (rightDay && !instant(d, h, zone).isAfter(now)) {
                return d;
            }
        }
        throw new IllegalStateException("no handoff day in the last week");
    }

    private static Shift turnShift(Rotation r, long n) {
        Actor secondary = r.members().size() > 1 ? member(r, n + 1) : null;
        return new Shift(member(r, n), secondary, handoff(r, n), handoff(r, n + 1), false);
    }

    /** The number of the turn running at {@code t}; turn 0 started on the rotation's first day. */
    private static long turn(Rotation r, Instant t) {
        LocalDate day = t.atZone(r.zone()).toLocalDate();
        long n = Math.floorDiv(ChronoUnit.DAYS.between(r.firstDay(), day), r.periodDays());
        return handoff(r, n).isAfter(t) ? n - 1 : n;
    }

    private static Instant handoff(Rotation r, long n) {
        return instant(r.firstDay().plusDays(n * r.periodDays()), r.handoff(), r.zone());
    }

    private static Actor member(Rotation r, long n) {
        return r.members().get((int) Math.floorMod(n, (long) r.members().size()));
    }

    /** A handoff inside a DST gap moves to just after the gap; in an overlap it takes the earlier instant. */
    private static Instant instant(LocalDate d, HandoffTime h, ZoneId zone) {
        return ZonedDateTime.of(d, h.time(), zone).toInstant();
    }
}
