package dev.opsbot.service;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.command.Refusal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A service. {@code owner} may be null (the ownerless routine then pings the channel);
 * {@code rotation} names the on-call rotation that answers for it, or is null;
 * {@code availability} is its target in percent (99.9), or null when it has none.
 */
public record Service(String name, String team, ChannelRef channel, int tier, Actor owner, String rotation,
        Actor addedBy, Instant addedAt, Double availability) {

    public Service(String name, String team, ChannelRef channel, int tier, Actor owner, String rotation,
            Actor addedBy, Instant addedAt) {
        this(name, team, channel, tier, owner, rotation, addedBy, addedAt, null);
    }

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
        return new Service(name, team, channel, tier, newOwner, rotation, addedBy, addedAt, availability);
    }

    public Service withRotation(String newRotation) {
        return new Service(name, team, channel, tier, owner, newRotation, addedBy, addedAt, availability);
    }

    /**
     * The availability target, read as typed ("99.9" or "99.9%"): above 0 and below 100, since a
     * target of 100% leaves no error budget to measure against.
     */
    public Service withAvailability(String typed) {
        String number = typed.strip().replaceFirst("%$", "");
        double target;
        try {
            target = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            target = Double.NaN;
        }
        if (!(target > 0 && target < 100) || !number.matches("\\d{1,2}(\\.\\d{1,4})?")) {
            throw Refusal.badInput("“" + typed + "” is not an availability target; write a percentage below 100, "
                    + "like 99.9.");
        }
        return new Service(name, team, channel, tier, owner, rotation, addedBy, addedAt, target);
    }
}
