package dev.opsbot.change;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.TimeText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.function.Function;

/** A span when no non-emergency change may be approved or started; for every service, or only {@code service}. */
public record Freeze(String name, Instant from, Instant to, String service, Actor addedBy, Instant addedAt) {

    /** Whether a change over {@code start}–{@code end} affecting {@code services} runs into this freeze. */
    public boolean touches(Instant start, Instant end, Collection<String> services) {
        return from.isBefore(end) && to.isAfter(start) && (service == null || services.contains(service));
    }

    /** The freeze as read in {@code zone} at {@code now}. */
    public String describe(ZoneId zone, Instant now) {
        return described(t -> TimeText.at(t, zone, now));
    }

    /** For the audit log, which is read long after: fixed dates in UTC, not "today". */
    public String audited() {
        return described(t -> TimeText.dayClock(t, ZoneOffset.UTC));
    }

    private String described(Function<Instant, String> time) {
        return "“" + name + "” (" + time.apply(from) + " – " + time.apply(to)
                + (service == null ? ", every service" : ", " + service) + ")";
    }
}
