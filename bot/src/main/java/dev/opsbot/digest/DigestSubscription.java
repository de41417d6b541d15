package dev.opsbot.digest;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** A channel's standing order for a digest: how often, at what local time, in which zone. */
public record DigestSubscription(ChannelRef channel, Cadence cadence, LocalTime at, ZoneId zone, Actor by,
        Instant since) {

    public Instant nextAfter(Instant after) {
        return cadence.next(after, at, zone);
    }

    public String describe() {
        return cadence.describe(at, zone);
    }
}
