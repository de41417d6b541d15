package dev.opsbot.incident;

import dev.opsbot.chat.Actor;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** All incidents. Changes go through {@link #update}, which never loses a concurrent change. */
public interface Incidents {

    static Incidents inMongo(com.mongodb.client.MongoDatabase db, dev.opsbot.store.Counters counters) {
        return new MongoIncidents(db, counters);
    }

    /** Stores a new incident under the next free id, built by {@code create} from that id. */
    Incident declare(java.util.function.Function<String, Incident> create);

    Optional<Incident> find(String id);

    /** Applies a change if the incident exists; returns the state before and after. */
    Optional<Change> update(String id, UnaryOperator<Incident> change);

    List<Incident> list(Query query);

    record Change(Incident before, Incident after) {
    }

    /** Filters for listing; null means "any". Results come worst severity first, newest first. */
    record Query(boolean openOnly, Actor owner, String service, Severity severity, int limit) {
        public static Query open() {
            return new Query(true, null, null, null, 100);
        }
    }
}
