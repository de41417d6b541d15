package dev.opsbot.command;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;

/**
 * A command line typed (or a button clicked) by someone somewhere. {@code requestId}, when an
 * adapter has one (a Slack trigger, a Discord interaction), lets a retried delivery of the same
 * request be recognised; it may be null.
 */
public record Invocation(Actor actor, ChannelRef channel, String line, String requestId) {

    public static Invocation of(Actor actor, ChannelRef channel, String line) {
        return new Invocation(actor, channel, line, null);
    }
}
