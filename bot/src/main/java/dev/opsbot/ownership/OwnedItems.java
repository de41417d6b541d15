package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ownership of one kind of item (incidents, services; later changes, assets, problems). The owner
 * stays where the kind keeps it (an incident's {@code owner} field), so there is never a second copy.
 */
public interface OwnedItems {

    /** A word for the kind, e.g. "incident". */
    String kind();

    /** The item's id if {@code typed} is written like one of this kind's ids (INC-7, payments). */
    Optional<String> recognise(String typed);

    Optional<Owned> find(String item);

    /**
     * Makes {@code newOwner} the owner if the item is still owned by {@code expected} (null: by
     * nobody), in one conditional write; refuses with a sentence otherwise.
     */
    Owned transfer(String item, Actor expected, Actor newOwner, Actor by, Instant now);

    /**
     * Notes something that happened to the item's ownership (a handover offered, answered,
     * withdrawn) where this kind keeps the item's history, as an incident keeps its timeline;
     * {@code by} is null for what opsbot did by itself. Kinds without a history note nothing.
     */
    default void record(String item, Actor by, String event, String detail, Instant at) {
    }

    /** Live items this person owns. */
    List<Owned> ownedBy(Actor who, int limit);

    /** Live items nobody owns. */
    List<Owned> ownerless(int limit);
}
