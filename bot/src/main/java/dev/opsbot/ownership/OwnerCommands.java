package dev.opsbot.ownership;

import static dev.opsbot.command.OptionSpec.optionalPositional;
import static dev.opsbot.command.OptionSpec.positional;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The {@code /owner} command: who owns what, taking ownerless items, and handovers that wait for a yes. */
public final class OwnerCommands {

    private static final OptionSpec ITEM = positional("item", OptionType.TEXT, "An incident id or a service name")
            .suggesting(OptionSpec.Suggest.OPEN_ITEMS);
    private static final OptionSpec ANSWERED = optionalPositional("item", OptionType.TEXT,
            "Which offer, if several wait for you").suggesting(OptionSpec.Suggest.OPEN_ITEMS);

    public static final CommandRoot<OwnerCommands> ROOT = CommandRoot.of("owner",
            "Who owns what, and handing items over",
            CommandSpec.of("show", "Show who owns an item", OwnerCommands::show)
                    .with(ITEM).example("/owner show INC-42"),
            CommandSpec.of("take", "Own an item nobody owns", OwnerCommands::take)
                    .with(ITEM).example("/owner take payments"),
            CommandSpec.of("handover", "Offer an item you own to someone; it stays yours until they accept",
                            OwnerCommands::handover)
                    .with(ITEM, positional("to", OptionType.USER, "Who should own it"),
                            optionalPositional("note", OptionType.TEXT, "What they need to know"))
                    .example("/owner handover INC-42 @bob failover done, watching replica lag"),
            CommandSpec.of("accept", "Accept a handover offered to you", OwnerCommands::accept)
                    .with(ANSWERED).example("/owner accept INC-42"),
            CommandSpec.of("decline", "Decline a handover offered to you", OwnerCommands::decline)
                    .with(ANSWERED).example("/owner decline INC-42"),
            CommandSpec.of("mine", "What I own and what waits for my answer", OwnerCommands::mine));

    private final Owners owners;
    private final HandoverOffers offers;
    private final HandoverFollowUps followUps;
    private final AuditLog audit;

    public OwnerCommands(Owners owners, HandoverOffers offers, HandoverFollowUps followUps, AuditLog audit) {
        this.owners = owners;
        this.offers = offers;
        this.followUps = followUps;
        this.audit = audit;
    }

    Reply show(CommandCall call) {
        Owned item = owners.resolve(call.args().text("item"));
        Reply.Builder b = Reply.onlyMe(item.label())
                .field("Owner", item.owner() == null ? "nobody" : Inline.user(item.owner()));
        offers.find(item.item()).ifPresent(o -> b.field("Handover", "offered to " + Inline.user(o.to()) + " "
                + TimeText.span(Duration.between(o.at(), call.now())) + " ago, not answered yet"));
        if (item.owner() == null) {
            b.footer("/owner take " + item.item() + " to own it.");
        }
        return b.build();
    }

    Reply take(CommandCall call) {
        Owned item = owners.resolve(call.args().text("item"));
        if (item.ownedBy(call.actor())) {
            throw Refusal.because("You already own " + item.label() + ".");
        }
        if (item.owner() != null) {
            throw Refusal.because(item.label() + " is owned by " + Inline.user(item.owner()) + "; ask them for "
                    + "/owner handover " + item.item() + " " + Inline.user(call.actor()) + ".");
        }
        Owned after = owners.kind(item.kind()).transfer(item.item(), null, call.actor(), call.actor(), call.now());
        record(call, "owner.take", item.item(), "owner -", "owner " + call.actor().key());
        return Reply.toChannel(after.label()).text(Inline.user(call.actor()) + " owns it now.")
                .tone(Reply.Tone.SUCCESS).build();
    }

    Reply handover(CommandCall call) {
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
        record(call, "owner.handover.offer", item.item(), "owner " + me.key(), "offered to " + to.key());
        Reply.Builder b = Reply.toChannel("Handover offer · " + item.label())
                .text(Inline.user(me) + " offers " + item.label() + " to " + Inline.user(to) + ". "
                        + Inline.user(me) + " stays the owner until " + Inline.user(to) + " accepts.")
                .button("Accept", "/owner accept " + item.item(), Reply.Button.Style.PRIMARY)
                .button("Decline", "/owner decline " + item.item());
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
        record(call, "owner.handover.accept", offer.item(), "owner " + offer.from().key(),
                "owner " + call.actor().key());
        return Reply.toChannel("Handover accepted · " + after.label())
                .text(Inline.user(call.actor()) + " accepted " + after.label() + " from " + Inline.user(offer.from())
                        + " and owns it now.")
                .tone(Reply.Tone.SUCCESS).build();
    }

    Reply decline(CommandCall call) {
        HandoverOffer offer = answer(call);
        record(call, "owner.handover.decline", offer.item(), "offered to " + call.actor().key(),
                "owner " + offer.from().key());
        return Reply.toChannel("Handover declined · " + offer.label())
                .text(Inline.user(call.actor()) + " declined " + offer.label() + "; " + Inline.user(offer.from())
                        + " still owns it.")
                .build();
    }

    Reply mine(CommandCall call) {
        Actor me = call.actor();
        List<Owned> owned = owners.ownedBy(me, 50);
        List<HandoverOffer> toMe = offers.waitingFor(me);
        List<HandoverOffer> fromMe = offers.madeBy(me);
        if (owned.isEmpty() && toMe.isEmpty() && fromMe.isEmpty()) {
            return Reply.note("You own nothing, and no handover waits for you.");
        }
        Reply.Builder b = Reply.onlyMe("What " + Inline.user(me) + " owns");
        owned.forEach(o -> b.row("Owner of " + o.label()));
        toMe.forEach(o -> b.row("Waiting for your answer: " + o.label() + " from " + Inline.user(o.from())
                + " — /owner accept " + o.item() + " or /owner decline " + o.item()));
        fromMe.forEach(o -> b.row("Offered by you: " + o.label() + " to " + Inline.user(o.to())
                + ", still yours until they accept"));
        return b.build();
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
        HandoverOffer taken = offers.answer(item, me).orElseThrow(
                () -> Refusal.because("The handover of " + offer.label() + " was answered already."));
        followUps.cancelFor(item);
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

    private void record(CommandCall call, String action, String item, String before, String after) {
        audit.append(new AuditEntry(call.now(), call.actor(), action, item, before, after));
    }
}
