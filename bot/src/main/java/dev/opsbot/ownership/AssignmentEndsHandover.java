package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentListener;

/**
 * An incident whose owner changes another way than through its pending handover (assigned to
 * someone, or picked up by acknowledging) no longer has that handover to answer: the offer ends
 * and the person it was offered to is told. An accepted handover removes its offer before the
 * owner changes, so it never meets this.
 */
public final class AssignmentEndsHandover implements IncidentListener {

    private final HandoverOffers offers;
    private final HandoverFollowUps followUps;

    public AssignmentEndsHandover(HandoverOffers offers, HandoverFollowUps followUps) {
        this.offers = offers;
        this.followUps = followUps;
    }

    @Override
    public void changed(Incident before, Incident after, Actor by) {
        boolean same = before.owner() == null ? after.owner() == null : before.owner().sameAs(after.owner());
        if (same || after.owner() == null) {
            return;
        }
        offers.find(after.id()).ifPresent(o -> followUps.overtaken(o, after.owner(), by, after.lastUpdateAt()));
    }
}
