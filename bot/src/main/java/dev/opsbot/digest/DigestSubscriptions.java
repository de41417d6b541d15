package dev.opsbot.digest;

import dev.opsbot.chat.ChannelRef;
import java.util.List;
import java.util.Optional;

/** One subscription per channel. */
public interface DigestSubscriptions {

    static DigestSubscriptions inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoDigestSubscriptions(db);
    }

    /** Stores the channel's subscription, replacing any it had; returns the one replaced. */
    Optional<DigestSubscription> save(DigestSubscription subscription);

    /** Removes the channel's subscription; returns it, or empty if it had none. */
    Optional<DigestSubscription> remove(ChannelRef channel);

    /** The subscription of a channel, by its key ({@code slack:C042}). */
    Optional<DigestSubscription> find(String channelKey);

    List<DigestSubscription> all();
}
