package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Stored grants, one document per holder keyed by the holder's key. */
public interface Grants {

    static Grants inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoGrants(db);
    }

    Optional<HeldRoles> find(String key);

    /** Applies {@code change} to the holder's grants (none yet counts as empty), never losing a concurrent change. */
    HeldRoles change(String key, Actor person, UnaryOperator<HeldRoles> change);

    /** Every holder: for who-can and listing; the collection holds one small document per person granted anything. */
    List<HeldRoles> all();
}
