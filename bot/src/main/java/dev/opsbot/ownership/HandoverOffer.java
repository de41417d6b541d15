package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import java.time.Instant;

/**
 * An offer to hand an item from its owner to someone else. Until {@code to} accepts, the item
 * stays with {@code from}. {@code channel} is where it was offered, where reminders go;
 * {@code note} is what the owner typed, kept verbatim.
 */
public record HandoverOffer(String item, String kind, String label, Actor from, Actor to, String note,
        ChannelRef channel, Instant at) {
}
