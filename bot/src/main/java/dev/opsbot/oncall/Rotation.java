package dev.opsbot.oncall;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.Refusal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An on-call rotation: members take turns of {@code periodDays}, changing at the handoff time
 * in {@code zone}. {@code firstDay} is the local date of the handoff that started the first
 * member's turn. {@code channel} is where it was created, used for announcements while no
 * service is attached.
 */
public record Rotation(String name, List<Actor> members, int periodDays, HandoffTime handoff, ZoneId zone,
        LocalDate firstDay, List<Cover> covers, ChannelRef channel, Actor createdBy, Instant createdAt) {

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    public Rotation {
        members = List.copyOf(members);
        covers = List.copyOf(covers);
    }

    /** A new rotation whose first member is on call from now until the next handoff. */
    public static Rotation create(String name, List<Actor> members, Duration every, HandoffTime handoff, ZoneId zone,
            ChannelRef channel, Actor by, Instant now) {
        if (!NAME.matcher(name).matches()) {
            throw Refusal.badInput("“" + name + "” is not a rotation name; use 2 to 40 lower-case letters, digits "
                    + "or dashes, like payments-primary.");
        }
        if (new LinkedHashSet<>(members).size() != members.size()) {
            throw Refusal.badInput("Each member can be in the rotation only once.");
        }
        if (every.toSeconds() % 86_400 != 0 || every.toDays() > 56) {
            throw Refusal.badInput("A turn must be whole days or weeks, at most 8 weeks, like 1d, 1w or 2w.");
        }
        int days = (int) every.toDays();
        if (handoff.day() != null && days % 7 != 0) {
            throw Refusal.badInput("A handoff on a weekday needs turns of whole weeks; drop the day for daily turns.");
        }
        if (handoff.day() == null && days % 7 == 0) {
            // A weekly turn without a day would start on whatever weekday it was created; Monday is the convention.
            handoff = new HandoffTime(DayOfWeek.MONDAY, handoff.time());
        }
        LocalDate first = Shifts.latestHandoffDay(handoff, zone, now);
        return new Rotation(name, members, days, handoff, zone, first, List.of(), channel, by, now);
    }

    /** Adds overrides and forgets the ones already over, so the document does not grow forever. */
    public Rotation withCovers(List<Cover> added, Instant now) {
        List<Cover> kept = new ArrayList<>();
        for (Cover c : covers) {
            if (c.until().isAfter(now)) {
                kept.add(c);
            }
        }
        kept.addAll(added);
        return new Rotation(name, members, periodDays, handoff, zone, firstDay, kept, channel, createdBy, createdAt);
    }

    /**
     * When turns change hands, always with the day for weekly turns: "Mondays 09:00 Europe/London",
     * or "09:00 UTC" for daily ones. Rotations stored without a day read theirs from the first turn.
     */
    public String handoffText() {
        DayOfWeek day = handoff.day() != null ? handoff.day() : periodDays % 7 == 0 ? firstDay.getDayOfWeek() : null;
        String zoneName = TimeText.zoneName(zone);
        return (day == null ? "" : day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s ") + handoff.time() + " "
                + zoneName;
    }

    public String every() {
        return periodDays % 7 == 0 ? periodDays / 7 + "w" : periodDays + "d";
    }
}
