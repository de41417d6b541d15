package dev.opsbot.problem;

import dev.opsbot.chat.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * All problems, one document each ({@code PRB-n}). Problems are few next to incidents (one per
 * cause, not per outage), so lists and the look-ups below may read the whole collection.
 */
public interface Problems {

    static Problems inMongo(com.mongodb.client.MongoDatabase db, dev.opsbot.store.Counters counters) {
        return new MongoProblems(db, counters);
    }

    /** Stores a new problem under the next free id, built by {@code create} from that id. */
    Problem open(Function<String, Problem> create);

    Optional<Problem> find(String id);

    /** Applies a change if the problem exists, never losing a concurrent change. */
    Optional<Change> update(String id, UnaryOperator<Problem> change);

    /** Page {@code number} (from 1) of problems, live ones first, newest first within each. */
    List<Problem> page(int number, int size);

    long count();

    /** Known errors (live, with a workaround) on this service. */
    List<Problem> knownErrorsOn(String service, int limit);

    /** Which of these incidents some problem already links. */
    Set<String> linkedAmong(Collection<String> incidents);

    /** Live problems this person owns. */
    List<Problem> ownedBy(Actor owner, int limit);

    /** Live problems nobody owns. */
    List<Problem> ownerless(int limit);

    record Change(Problem before, Problem after) {
    }
}
