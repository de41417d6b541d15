package dev.opsbot.service;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.command.Refusal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A service. {@code owner} may be null (the ownerless routine then pings the channel);
 * {@code rotation} names the on-call rotation that answers for it, or is null.
 */
public record Service(String name, String team, ChannelRef channel, int tier, Actor owner, String rotation,
        Actor addedBy, Instant addedAt) {

    /** Lower case so a name reads the same wherever it is typed; it is also the item id for ownership. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    public static Service add(String name, String team, ChannelRef channel, int tier, Actor owner, Actor by,
            Instant now) {
        if (!NAME.matcher(name).matches()) {
            throw Refusal.badInput("“" + name + "” is not a service name; use 2 to 40 lower-case letters, digits "
                    + "or dashes, like payments-api.");
        }
        if (tier < 1 || tier > 3) {
            throw Refusal.badInput("The tier must be 1 (most critical), 2 or 3.");
        }
        return new Service(name, team, channel, tier, owner, null, by, now);
    }

    public Service withOwner(Actor newOwner) {
        return new Service(name, team, channel, tier, newOwner, rotation, addedBy, addedAt);
    }

    public Service withRotation(String newRotation) {
        return new Service(name, team, channel, tier, owner, newRotation, addedBy, addedAt);
    }
}
