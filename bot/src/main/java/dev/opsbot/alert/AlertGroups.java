package dev.opsbot.alert;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Every Alertmanager group opsbot has heard of, one document each, addressed by {@link AlertGroup#idOf}. */
public interface AlertGroups {

    static AlertGroups inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoAlertGroups(db);
    }

    Optional<AlertGroup> find(String id);

    /** Stores a group heard of for the first time; false, and nothing written, if it is already stored. */
    boolean add(AlertGroup group);

    /**
     * Applies a change unless someone changed the group meanwhile, then tries again on the new
     * state; returning the same instance writes nothing. Empty if there is no such group.
     */
    Optional<AlertGroup> update(String id, UnaryOperator<AlertGroup> change);

    /** Groups with an alert firing, most recently delivered first, at most {@code limit}. */
    List<AlertGroup> firing(int limit);
}
