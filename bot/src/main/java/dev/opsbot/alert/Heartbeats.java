package dev.opsbot.alert;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The heartbeats opsbot expects, one document each under the alert's name. */
public interface Heartbeats {

    static Heartbeats inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoHeartbeats(db);
    }

    /** Sets a heartbeat, replacing one of the same name. */
    void set(Heartbeat heartbeat);

    boolean remove(String name);

    Optional<Heartbeat> find(String name);

    /** A versioned change; returning the same instance writes nothing. */
    Optional<Heartbeat> update(String name, UnaryOperator<Heartbeat> change);

    List<Heartbeat> all();
}
