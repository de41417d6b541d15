package dev.opsbot.command;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import java.time.Instant;

/** A parsed, validated invocation handed to a feature's handler method. */
public record CommandCall(Invocation invocation, String root, CommandSpec<?> spec, Arguments args, Instant now) {

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
