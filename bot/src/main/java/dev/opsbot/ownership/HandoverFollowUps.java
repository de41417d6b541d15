package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What happens around an offer besides the answer: a reminder to both sides where it was offered,
 * then the offer lapses and the item's channel hears that the owner still has it; a withdrawn offer
 * is announced where it was made. Each due item names the offer by its time, so a stale one never
 * touches a newer offer for the same item. Once an item changes hands, the follow-ups its old
 * owner had to act on about it wait on the new owner.
 */
public final class HandoverFollowUps implements DueHandler {

    public static final String KIND = "handover";
    static final Duration REMIND_AFTER = Duration.ofMinutes(30);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(2);

    private final HandoverOffers offers;
    private final Owners owners;
    private final DueItems due;
    private final Notifier notifier;
    private final AuditLog audit;

    public HandoverFollowUps(HandoverOffers offers, Owners owners, DueItems due, Notifier notifier, AuditLog audit) {
        this.offers = offers;
        this.owners = owners;
        this.due = due;
        this.notifier = notifier;
        this.audit = audit;
    }

    @Override
    public String kind() {
        return KIND;
    }

    void scheduleFor(HandoverOffer o) {
        schedule(o, "remind", o.at().plus(REMIND_AFTER));
        schedule(o, "expire", o.at().plus(GIVE_UP_AFTER));
    }

    /** Only this offer's steps: a newer offer for the same item, made meanwhile, keeps its own. */
    void cancelFor(HandoverOffer o) {
        due.cancel(key(o, "remind"));
        due.cancel(key(o, "expire"));
    }

    void withdrawn(HandoverOffer o, Actor by) {
        cancelFor(o);
        String whose = by.sameAs(o.from()) ? "" : " that " + Inline.user(o.from()) + " offered you";
        notifier.announce(o.channel(), Reply.toChannel("Handover withdrawn · " + o.label())
                .text(Inline.user(o.to()) + ", " + Inline.user(by) + " withdrew the handover of " + o.label() + whose
                        + "; nothing waits for your answer any more.")
                .build(), key(o, "withdrawn"));
    }

    /**
     * The item changed hands without this offer (assigned to someone): the offer ends, unless it
     * was answered or withdrawn just now, and the offered person hears why where it was made.
     */
    void overtaken(HandoverOffer o, Actor newOwner, Actor by, Instant now) {
        if (offers.remove(o.item(), o.at()).isEmpty()) {
            return;
        }
        cancelFor(o);
        audit.append(new AuditEntry(now, by, "owner.handover.void", o.item(), "offered to " + o.to().key(),
                "owner " + newOwner.key()));
        owners.kind(o.kind()).record(o.item(), by, "handover ended", "the offer to " + Inline.user(o.to())
                + " no longer stands: " + Inline.user(newOwner) + " owns it now", now);
        String what = newOwner.sameAs(o.to()) ? Inline.user(by) + " made you the owner, so there is nothing left to "
                + "accept." : Inline.user(by) + " made " + Inline.user(newOwner) + " the owner, so the offer from "
                + Inline.user(o.from()) + " no longer stands.";
        notifier.announce(o.channel(), Reply.toChannel("Handover ended · " + o.label())
                .text(Inline.user(o.to()) + ", the handover of " + o.label() + " has ended: " + what)
                .build(), key(o, "overtaken"));
    }

    /** What the old owner had to act on about the item (a review, an escalation) now waits on the new one. */
    void ownerChanged(String item, Actor from, Actor to) {
        due.reassign(item, from.key(), to.key());
    }

    private void schedule(HandoverOffer o, String stage, Instant at) {
        due.schedule(new DueItem(key(o, stage), KIND, o.item(), at, Map.of(
                "stage", stage, "offeredAt", String.valueOf(o.at().toEpochMilli()),
                DueItem.LABEL, label(o, stage),
                DueItem.OWNER, o.to().key(),
                DueItem.ENDS_WHEN, "the handover is accepted, declined or withdrawn")));
    }

    /** The two steps of one offer both list as follow-ups, so each says what it will do. */
    private static String label(HandoverOffer o, String stage) {
        String offer = o.label() + " from " + Inline.user(o.from());
        return stage.equals("expire") ? "The handover of " + offer + " lapses if still unanswered"
                : "Answer the handover of " + offer;
    }

    @Override
    public void fire(DueItem item, Instant now) {
        Instant offeredAt = Instant.ofEpochMilli(Long.parseLong(item.data().get("offeredAt")));
        var offer = offers.find(item.subject()).filter(o -> o.at().equals(offeredAt));
        if (offer.isEmpty()) {
            return;
        }
        Owned live = owners.find(offer.get().item()).filter(Owned::live).orElse(null);
        if (live == null || "expire".equals(item.data().get("stage"))) {
            lapse(offer.get(), live, now);
        } else {
            remind(offer.get(), now);
        }
    }

    private void remind(HandoverOffer o, Instant now) {
        notifier.announce(o.channel(), Reply.toChannel("Handover waiting · " + o.label())
                .text(Inline.user(o.to()) + ", " + Inline.user(o.from()) + " offered you " + o.label() + " "
                        + TimeText.span(Duration.between(o.at(), now)) + " ago; it stays with "
                        + Inline.user(o.from()) + " until you answer.")
                .button("Accept", "/owner accept " + o.item(), Reply.Button.Style.PRIMARY)
                .button("Decline", "/owner decline " + o.item())
                .tone(Reply.Tone.WARNING)
                .build(), key(o, "remind"));
    }

    /** {@code live}: the item as just read, or null once it is gone or over and nobody needs telling. */
    private void lapse(HandoverOffer o, Owned live, Instant now) {
        if (offers.remove(o.item(), o.at()).isEmpty()) {
            return;
        }
        cancelFor(o);
        audit.append(new AuditEntry(now, o.from(), "owner.handover.lapsed", o.item(), "offered to " + o.to().key(),
                "owner " + o.from().key()));
        owners.kind(o.kind()).record(o.item(), null, "handover lapsed", Inline.user(o.to()) + " did not answer within "
                + TimeText.span(GIVE_UP_AFTER), now);
        if (live == null) {
            return;
        }
        notifier.announce(live.channel(), Reply.toChannel("Handover unanswered · " + o.label())
                .text(Inline.user(o.to()) + " did not answer the handover from " + Inline.user(o.from())
                        + " within " + TimeText.span(GIVE_UP_AFTER) + ". " + Inline.user(o.from())
                        + " still owns " + o.label() + "; who can take it over?")
                .tone(Reply.Tone.WARNING)
                .build(), key(o, "lapsed"));
    }

    /** Names one step of one offer: the offer's time keeps a newer offer for the same item apart. */
    private static String key(HandoverOffer o, String step) {
        return "handover:" + o.item() + ":" + o.at().toEpochMilli() + ":" + step;
    }
}
