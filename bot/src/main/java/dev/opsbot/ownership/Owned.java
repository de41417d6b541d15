package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.command.Refusal;

/**
 * One ownable item as ownership sees it: its id, its kind, how it reads in chat ({@code label},
 * Inline markup), its owner (null: nobody), the channel that hears about it, and whether it is
 * still live (a closed incident needs no new owner).
 */
public record Owned(String item, String kind, String label, Actor owner, ChannelRef channel, boolean live) {

    public boolean ownedBy(Actor who) {
        return owner != null && owner.sameAs(who);
    }

    /**
     * For a transfer's conditional write: refuses it when {@code item} changed hands after
     * {@code expected} (null: nobody) was read as its owner, so the person is told who has it now.
     */
    public static void requireOwner(String item, Actor current, Actor expected) {
        boolean unchanged = current == null ? expected == null : current.sameAs(expected);
        if (!unchanged) {
            throw Refusal.because(item + " is owned by " + (current == null ? "nobody" : Inline.user(current))
                    + " now, so this no longer applies.");
        }
    }
}
