package dev.opsbot.capacity;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.digest.Cadence;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A channel's scheduled capacity report (of one service, or of every watch when {@code service} is
 * empty). {@code handled} is the last scheduled time that was posted (null before the first), so
 * the next one is the first scheduled time after it.
 */
public record ReportSchedule(ChannelRef channel, Cadence cadence, LocalTime at, ZoneId zone, String service, Actor by,
        Instant since, Instant handled) {

    public ReportSchedule {
        service = service == null ? "" : service;
    }

    /** One schedule per channel and service: {@code slack:C042} or {@code slack:C042/payments}. */
    public String id() {
        return channel.key() + (service.isEmpty() ? "" : "/" + service);
    }

    /** The scheduled time this schedule waits for next. */
    public Instant next() {
        return cadence.next(handled == null ? since : handled, at, zone);
    }

    /** The latest scheduled time at or before {@code now}, or null when none is due. */
    public Instant dueAt(Instant now) {
        Instant due = null;
        for (Instant t = next(); !t.isAfter(now); t = cadence.next(t, at, zone)) {
            due = t;
        }
        return due;
    }

    public String describe() {
        return cadence.describe(at, zone) + (service.isEmpty() ? "" : " for " + service);
    }
}
