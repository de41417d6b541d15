package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pending handover offers, one document per item keyed by the item, so an item can never have
 * two. Answering, withdrawing or lapsing removes the offer in one atomic step, so of accept,
 * decline, withdraw and lapse exactly one wins.
 */
public interface HandoverOffers {

    static HandoverOffers inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoHandoverOffers(db);
    }

    /** Stores the offer; false if the item already has a pending one. */
    boolean add(HandoverOffer offer);

    Optional<HandoverOffer> find(String item);

    /** Removes and returns the item's offer if it was made to {@code to}. */
    Optional<HandoverOffer> answer(String item, Actor to);

    /**
     * Removes and returns the item's offer if it is still the one made at {@code at}: how an offer
     * lapses or is withdrawn, so a newer offer for the same item is never taken by mistake.
     */
    Optional<HandoverOffer> remove(String item, Instant at);

    List<HandoverOffer> waitingFor(Actor to);

    List<HandoverOffer> madeBy(Actor from);

    /** Every pending offer, oldest first. */
    List<HandoverOffer> all(int limit);
}
