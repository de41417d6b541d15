package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;

/**
 * One ownable item as ownership sees it: its id, its kind, how it reads in chat ({@code label},
 * Inline markup), its owner (null: nobody), the channel that hears about it, and whether it is
 * still live (a closed incident needs no new owner).
 */
public record Owned(String item, String kind, String label, Actor owner, ChannelRef channel, boolean live) {

    public boolean ownedBy(Actor who) {
        return owner != null && owner.sameAs(who);
    }
}
