package dev.opsbot.followup;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.command.Refusal;
import dev.opsbot.schedule.DueItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Who may put off or finish someone's follow-up: whoever it waits on, whoever owns the item it
 * is about, or whoever may work on that item (with roles on: a responder for its service). When
 * neither has an owner anyone may, or nobody could. This is the one place that decides.
 */
public final class WhoMayAct {

    private final Function<String, Optional<Actor>> ownerOfItem;
    private final BiPredicate<Actor, String> worksOn;

    /** {@code ownerOfItem} reads the owner of a follow-up's subject (INC-7, a service), empty when none. */
    public WhoMayAct(Function<String, Optional<Actor>> ownerOfItem) {
        this(ownerOfItem, (who, subject) -> false);
    }

    /** {@code worksOn} says whether a person may act on a subject beyond owning it (roles). */
    public WhoMayAct(Function<String, Optional<Actor>> ownerOfItem, BiPredicate<Actor, String> worksOn) {
        this.ownerOfItem = ownerOfItem;
        this.worksOn = worksOn;
    }

    /** Refuses with one sentence naming who may, unless {@code who} may {@code verb} the follow-up. */
    public void require(Actor who, DueItem item, String verb) {
        Optional<Actor> waitsOn = FollowUpRows.owner(item);
        Optional<Actor> itemOwner = item.subject() == null ? Optional.empty() : ownerOfItem.apply(item.subject());
        if (waitsOn.isEmpty() && itemOwner.isEmpty()) {
            return;
        }
        if (waitsOn.filter(who::sameAs).isPresent() || itemOwner.filter(who::sameAs).isPresent()
                || (item.subject() != null && worksOn.test(who, item.subject()))) {
            return;
        }
        List<String> may = new ArrayList<>();
        waitsOn.ifPresent(o -> may.add(Inline.user(o) + " (whom it waits on)"));
        itemOwner.filter(o -> waitsOn.map(w -> !w.sameAs(o)).orElse(true))
                .ifPresent(o -> may.add(Inline.user(o) + " (who owns " + item.subject() + ")"));
        throw Refusal.because("Only " + String.join(" or ", may) + " can " + verb + " " + item.ref() + ".");
    }
}
