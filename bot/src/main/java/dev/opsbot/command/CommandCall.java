package dev.opsbot.command;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A parsed, validated invocation handed to a feature's handler method. {@code zone} is the one the
 * channel it came from reads times in (its own, else the team's): what a reply shows times in.
 */
public record CommandCall(Invocation invocation, String root, CommandSpec<?> spec, Arguments args, Instant now,
        ZoneId zone) {

    public CommandCall(Invocation invocation, String root, CommandSpec<?> spec, Arguments args, Instant now) {
        this(invocation, root, spec, args, now, ZoneOffset.UTC);
    }

    public Actor actor() {
        return invocation.actor();
    }

    public ChannelRef channel() {
        return invocation.channel();
    }

    public String usage() {
        return spec.usage(root);
    }
}
