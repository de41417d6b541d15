package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.Refusal;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code /owner handover|accept|decline|withdraw}: an offer leaves the item with its owner; the
 * offered person's answer, or its maker's withdrawal, removes the offer in one atomic step, and
 * only an accept moves the owner.
 */
final class Handovers {

    private final Owners owners;
    private final HandoverOffers offers;
    private final HandoverFollowUps followUps;
    private final AuditLog audit;

    Handovers(Owners owners, HandoverOffers offers, HandoverFollowUps followUps, AuditLog audit) {
        this.owners = owners;
        this.offers = offers;
        this.followUps = followUps;
        this.audit = audit;
    }

    Reply offer(CommandCall call) {
        Owned item = owners.resolve(call.args().text("item"));
        Actor me = call.actor();
        Actor to = call.args().user("to");
        if (!item.live()) {
            throw Refusal.because(item.label() + " is over; it needs no new owner.");
        }
        if (!item.ownedBy(me)) {
            throw Refusal.because(item.owner() == null
                    ? "Nobody owns " + item.label() + "; /owner take " + item.item() + " instead."
                    : "Only the owner, " + Inline.user(item.owner()) + ", can hand over " + item.label() + ".");
        }
        if (to.sameAs(me)) {
            throw Refusal.badInput("You already own " + item.label() + "; hand it to someone else.");
        }
        String note = call.args().optionalText("note").orElse("");
        HandoverOffer offer = new HandoverOffer(item.item(), item.kind(), item.label(), me, to, note, call.channel(),
                call.now().truncatedTo(ChronoUnit.MILLIS));
        if (!offers.add(offer)) {
            HandoverOffer pending = offers.find(item.item()).orElse(offer);
            throw Refusal.because(item.label() + " already has a handover waiting for "
                    + Inline.user(pending.to()) + "'s answer.");
        }
        followUps.scheduleFor(offer);
        story(offer, me, "handover offered", "to " + Inline.user(to) + (note.isBlank() ? "" : ": " + note), call);
        record(call, "owner.handover.offer", item.item(), "owner " + me.key(), "offered to " + to.key());
        Reply.Builder b = Reply.toChannel("Handover offer · " + item.label())
                .text(Inline.user(me) + " offers " + item.label() + " to " + Inline.user(to) + ". "
                        + Inline.user(me) + " stays the owner until " + Inline.user(to) + " accepts.")
                .button("Accept", "/owner accept " + item.item(), Reply.Button.Style.PRIMARY)
                .button("Decline", "/owner decline " + item.item())
                // The card is shared, so a Withdraw button would sit next to Accept for everyone to press.
                .footer(Inline.user(me) + " can take it back with /owner withdraw " + item.item() + ".");
        if (!note.isBlank()) {
            b.field("Note", note);
        }
        return b.build();
    }

    Reply accept(CommandCall call) {
        HandoverOffer offer = answer(call);
        Owned after;
        try {
            after = owners.kind(offer.kind()).transfer(offer.item(), offer.from(), call.actor(), call.actor(),
                    call.now());
        } catch (Refusal ownerChanged) {
            record(call, "owner.handover.void", offer.item(), "offered by " + offer.from().key(), "owner changed");
            throw ownerChanged;
        }
        followUps.ownerChanged(offer.item(), offer.from(), call.actor());
        story(offer, call.actor(), "handover accepted", "from " + Inline.user(offer.from()), call);
        record(call, "owner.handover.accept", offer.item(), "owner " + offer.from().key(),
                "owner " + call.actor().key());
        return Reply.toChannel("Handover accepted · " + after.label())
                .text(Inline.user(call.actor()) + " accepted " + after.label() + " from " + Inline.user(offer.from())
                        + " and owns it now.")
                .tone(Reply.Tone.SUCCESS).build();
    }

    Reply decline(CommandCall call) {
        HandoverOffer offer = answer(call);
        story(offer, call.actor(), "handover declined", "offered by " + Inline.user(offer.from()), call);
        record(call, "owner.handover.decline", offer.item(), "offered to " + call.actor().key(),
                "owner " + offer.from().key());
        return Reply.toChannel("Handover declined · " + offer.label())
                .text(Inline.user(call.actor()) + " declined " + offer.label() + "; " + Inline.user(offer.from())
                        + " still owns it.")
                .build();
    }

    /** The offer's maker, or the item's owner now, takes it back before anyone answers it. */
    Reply withdraw(CommandCall call) {
        Owned item = owners.resolve(call.args().text("item"));
        Actor me = call.actor();
        HandoverOffer offer = offers.find(item.item()).orElseThrow(() -> Refusal.because(
                "No handover of " + item.label() + " is pending, so there is nothing to withdraw."));
        if (!offer.from().sameAs(me) && !item.ownedBy(me)) {
            throw Refusal.because("Only " + Inline.user(offer.from()) + ", who offered it, or the owner can "
                    + "withdraw the handover of " + item.label() + ".");
        }
        HandoverOffer taken = offers.remove(item.item(), offer.at()).orElseThrow(() -> Refusal.because(
                "The handover of " + item.label() + " was answered or lapsed just now; nothing is left to withdraw."));
        followUps.withdrawn(taken, me);
        story(taken, me, "handover withdrawn", "the offer to " + Inline.user(taken.to()), call);
        record(call, "owner.handover.withdraw", item.item(), "offered to " + taken.to().key(),
                "owner " + (item.owner() == null ? "-" : item.owner().key()));
        return Reply.onlyMe("Handover withdrawn · " + item.label())
                .text("The offer to " + Inline.user(taken.to()) + " is withdrawn and they are told so; "
                        + "/owner handover " + item.item() + " makes a new one.")
                .tone(Reply.Tone.SUCCESS).build();
    }

    /** Takes the offer out of the store for the person answering it; exactly one answer wins. */
    private HandoverOffer answer(CommandCall call) {
        Actor me = call.actor();
        String item = call.args().optionalText("item").map(typed -> owners.resolve(typed).item())
                .orElseGet(() -> onlyOfferFor(me));
        HandoverOffer offer = offers.find(item).orElseThrow(
                () -> Refusal.because("No handover of " + item + " is waiting for an answer."));
        if (!offer.to().sameAs(me)) {
            throw Refusal.because("The handover of " + offer.label() + " is offered to " + Inline.user(offer.to())
                    + ", not to you.");
        }
        HandoverOffer taken = offers.answer(item, me).orElseThrow(() -> Refusal.because(
                "The handover of " + offer.label() + " was answered, withdrawn or lapsed just now."));
        followUps.cancelFor(taken);
        return taken;
    }

    private String onlyOfferFor(Actor me) {
        List<HandoverOffer> waiting = offers.waitingFor(me);
        if (waiting.isEmpty()) {
            throw Refusal.because("No handover is waiting for your answer.");
        }
        if (waiting.size() > 1) {
            throw Refusal.badInput("Several handovers wait for you; say which: "
                    + String.join(", ", waiting.stream().map(HandoverOffer::item).toList()) + ".");
        }
        return waiting.get(0).item();
    }

    /** The item's own history (an incident's timeline) tells the handover too. */
    private void story(HandoverOffer offer, Actor by, String event, String detail, CommandCall call) {
        owners.kind(offer.kind()).record(offer.item(), by, event, detail, call.now());
    }

    private void record(CommandCall call, String action, String item, String before, String after) {
        audit.append(new AuditEntry(call.now(), call.actor(), action, item, before, after));
    }
}
