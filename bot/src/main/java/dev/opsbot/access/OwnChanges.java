package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import dev.opsbot.command.Refusal;

/**
 * A rule that holds whatever the role, admins included: nobody approves their own change.
 * A change feature calls this in its approve handler, after the router has checked
 * {@code change.approve}, since only the handler knows who asked for the change.
 */
public final class OwnChanges {

    private OwnChanges() {
    }

    public static void refuseSelfApproval(Actor approver, Actor requester, String change) {
        if (approver.sameAs(requester)) {
            throw Refusal.because("You asked for " + change + ", so someone else must approve it.");
        }
    }
}
