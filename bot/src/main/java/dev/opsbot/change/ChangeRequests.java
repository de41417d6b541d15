package dev.opsbot.change;

import dev.opsbot.chat.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** All change requests, one document each. Changes go through {@link #update}, which never loses a concurrent one. */
public interface ChangeRequests {

    static ChangeRequests inMongo(com.mongodb.client.MongoDatabase db, dev.opsbot.store.Counters counters) {
        return new MongoChangeRequests(db, counters);
    }

    /** Stores a new change under the next free id (CHG-n), built by {@code create} from that id. */
    ChangeRequest add(Function<String, ChangeRequest> create);

    Optional<ChangeRequest> find(String id);

    /** Applies a rule if the change exists; the state before and after, or empty if there is no such change. */
    Optional<Change> update(String id, UnaryOperator<ChangeRequest> rule);

    /**
     * Changes whose window overlaps {@code from}–{@code to}, or that were under way during it,
     * whatever their state, by window start; at most {@code limit}.
     */
    List<ChangeRequest> during(Instant from, Instant to, int limit);

    /** Changes matching {@code query}, newest window first. */
    List<ChangeRequest> list(Query query);

    record Change(ChangeRequest before, ChangeRequest after) {
    }

    /** Filters for listing; null means "any". */
    record Query(ChangeState state, String service, Actor requester, int limit) {

        public boolean matches(ChangeRequest c) {
            return (state == null || c.state() == state)
                    && (service == null || c.services().contains(service))
                    && (requester == null || requester.sameAs(c.requester()));
        }
    }
}
