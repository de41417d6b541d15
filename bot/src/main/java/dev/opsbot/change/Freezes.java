package dev.opsbot.change;

import java.util.List;
import java.util.Optional;

/** Freeze windows, one document each, keyed by name. */
public interface Freezes {

    static Freezes inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoFreezes(db);
    }

    /** Stores a new freeze; false, and nothing written, if the name is taken. */
    boolean add(Freeze freeze);

    Optional<Freeze> find(String name);

    /** Removes a freeze; false if there was none by that name. */
    boolean remove(String name);

    /** Freezes by start, at most {@code limit}. */
    List<Freeze> list(int limit);
}
