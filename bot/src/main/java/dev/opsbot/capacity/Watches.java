package dev.opsbot.capacity;

import java.util.List;
import java.util.Optional;

/** The watches, one per name. */
public interface Watches {

    static Watches inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoWatches(db);
    }

    /** Adds a watch; false when one by that name exists already. */
    boolean add(Watch watch);

    Optional<Watch> find(String name);

    /** Removes a watch; returns it, or empty if there was none. */
    Optional<Watch> remove(String name);

    /** Every watch, by name, at most {@link #MOST} of them. */
    List<Watch> all();

    int MOST = 1000;
}
