package dev.opsbot.change;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.TimeText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;

/** A span when no non-emergency change may be approved or started; for every service, or only {@code service}. */
public record Freeze(String name, Instant from, Instant to, String service, Actor addedBy, Instant addedAt) {

    /** Whether a change over {@code start}–{@code end} affecting {@code services} runs into this freeze. */
    public boolean touches(Instant start, Instant end, Collection<String> services) {
        return from.isBefore(end) && to.isAfter(start) && (service == null || services.contains(service));
    }

    public String describe(ZoneId zone) {
        return "“" + name + "” (" + TimeText.dayClock(from, zone) + " – " + TimeText.dayClock(to, zone)
                + (service == null ? ", every service" : ", " + service) + ")";
    }
}
