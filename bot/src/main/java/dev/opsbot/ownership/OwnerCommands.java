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
import java.util.List;

/** The {@code /owner} command: who owns what, taking ownerless items, and handovers that wait for a yes. */
public final class OwnerCommands {

    /** Items listed by /owner mine; past this it says there are more and where to page through them. */
    private static final int MINE_SHOWN = 25;

    private static final OptionSpec ITEM = positional("item", OptionType.NAME, "An incident id or a service name")
            .suggesting(OptionSpec.Suggest.OPEN_ITEMS);
    private static final OptionSpec ANSWERED = optionalPositional("item", OptionType.NAME,
            "Which offer, if several wait for you").suggesting(OptionSpec.Suggest.OPEN_ITEMS);

    public static final CommandRoot<OwnerCommands> ROOT = CommandRoot.of("owner",
            "Who owns what, and handing items over",
            CommandSpec.of("show", "Show who owns an item", OwnerCommands::show).readOnly()
                    .with(ITEM).example("/owner show INC-42"),
            CommandSpec.of("take", "Own an item nobody owns", OwnerCommands::take)
                    .with(ITEM).example("/owner take payments"),
            CommandSpec.<OwnerCommands>of("handover",
                            "Offer an item you own to someone; it stays yours until they accept",
                            (h, call) -> h.handovers.offer(call))
                    .with(ITEM, positional("to", OptionType.USER, "Who should own it"),
                            optionalPositional("note", OptionType.TEXT, "What they need to know"))
                    .example("/owner handover INC-42 @bob failover done, watching replica lag"),
            CommandSpec.<OwnerCommands>of("accept", "Accept a handover offered to you",
                            (h, call) -> h.handovers.accept(call))
                    .with(ANSWERED).example("/owner accept INC-42"),
            CommandSpec.<OwnerCommands>of("decline", "Decline a handover offered to you",
                            (h, call) -> h.handovers.decline(call))
                    .with(ANSWERED).example("/owner decline INC-42"),
            CommandSpec.<OwnerCommands>of("withdraw", "Take back a handover you offered before it is answered",
                            (h, call) -> h.handovers.withdraw(call))
                    .with(ITEM).example("/owner withdraw INC-42"),
            CommandSpec.of("mine", "What I own and what waits for my answer", OwnerCommands::mine).readOnly());

    private final Owners owners;
    private final HandoverOffers offers;
    private final AuditLog audit;
    private final Handovers handovers;

    public OwnerCommands(Owners owners, HandoverOffers offers, HandoverFollowUps followUps, AuditLog audit) {
        this.owners = owners;
        this.offers = offers;
        this.audit = audit;
        this.handovers = new Handovers(owners, offers, followUps, audit);
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

    Reply mine(CommandCall call) {
        Actor me = call.actor();
        List<Owned> owned = owners.ownedBy(me, MINE_SHOWN + 1);
        List<HandoverOffer> toMe = offers.waitingFor(me);
        List<HandoverOffer> fromMe = offers.madeBy(me);
        if (owned.isEmpty() && toMe.isEmpty() && fromMe.isEmpty()) {
            return Reply.note("You own nothing, and no handover waits for you.");
        }
        Reply.Builder b = Reply.onlyMe("What " + Inline.user(me) + " owns");
        owned.stream().limit(MINE_SHOWN).forEach(o -> b.row("Owner of " + o.label()));
        if (owned.size() > MINE_SHOWN) {
            // Each kind lists its own; an incident count is not an answer for services too.
            b.text("Showing the first " + MINE_SHOWN + " items you own; there are more. "
                    + "/incident list --mine pages through your incidents.");
        }
        toMe.forEach(o -> b.row("Waiting for your answer: " + o.label() + " from " + Inline.user(o.from())
                + " — /owner accept " + o.item() + " or /owner decline " + o.item()));
        fromMe.forEach(o -> b.row("Offered by you: " + o.label() + " to " + Inline.user(o.to())
                + ", still yours until they accept — /owner withdraw " + o.item() + " takes it back"));
        return b.build();
    }

    private void record(CommandCall call, String action, String item, String before, String after) {
        audit.append(new AuditEntry(call.now(), call.actor(), action, item, before, after));
    }
}
