package dev.opsbot.service;

import dev.opsbot.chat.Actor;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** All services, one document each, keyed by name. */
public interface Services {

    static Services inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoServices(db);
    }

    /** Stores a new service; false if the name is taken. */
    boolean add(Service service);

    Optional<Service> find(String name);

    /** Services by tier, then name. */
    List<Service> list(int limit);

    /** Applies a change if the service exists, never losing a concurrent change. */
    Optional<Change> update(String name, UnaryOperator<Service> change);

    List<Service> usingRotation(String rotation);

    List<Service> ownedBy(Actor owner, int limit);

    List<Service> ownerless(int limit);

    /**
     * Whether an incident may name this service: any name until the first service is added (so a
     * team that does not list services yet is not blocked), then only services that exist.
     */
    default boolean accepts(String name) {
        return find(name).isPresent() || list(1).isEmpty();
    }

    record Change(Service before, Service after) {
    }
}
