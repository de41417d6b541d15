package dev.opsbot.incident;

import dev.opsbot.chat.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * All incidents. Open and recently finished ones form a small working set that lists read; older
 * finished ones are archived, still found by id and changed like any other, and read page by page
 * through {@link #history}. Changes go through {@link #update}, which never loses a concurrent change.
 */
public interface Incidents {

    static Incidents inMongo(com.mongodb.client.MongoDatabase db, dev.opsbot.store.Counters counters) {
        return new MongoIncidents(db, counters);
    }

    /** Stores a new incident under the next free id, built by {@code create} from that id. */
    Incident declare(java.util.function.Function<String, Incident> create);

    /** The incident with this id, whether in the working set or archived. */
    Optional<Incident> find(String id);

    /**
     * Applies a change if the incident exists; returns the state before and after. An archived
     * incident that changes comes back into the working set.
     */
    Optional<Change> update(String id, UnaryOperator<Incident> change);

    /**
     * Adds an entry to an incident's timeline — how other features (paging, handovers, linked
     * items) tell its story — as a versioned update like any other; false if there is no such incident.
     */
    default boolean record(String id, TimelineEntry entry) {
        return update(id, i -> i.recorded(entry)).isPresent();
    }

    /** The first page of {@link #page}: at most {@code query.limit()} incidents of the working set. */
    default List<Incident> list(Query query) {
        return page(query, 1).items();
    }

    /**
     * Page {@code number} (from 1) of the working set's incidents matching {@code query}, pages of
     * {@code query.limit()}, in the order that matters: not acknowledged first, then acknowledged
     * and still open, then finished; within each the worst severity first, then the oldest.
     */
    Page page(Query query, int number);

    /** How many incidents of the working set match {@code query}. */
    long count(Query query);

    /**
     * Incidents by number, newest first, from just below {@code below} (0: from the newest),
     * whether archived or not. Looks at no more than {@code lookAt} numbers and returns at most
     * {@code filter.limit()} that match, so a page costs the same however long the history is.
     */
    History history(Query filter, long below, int lookAt);

    /**
     * Moves finished incidents last changed before {@code untouchedSince} out of the working set
     * into the archive; returns how many moved. Safe to repeat and to interrupt at any point.
     */
    int archive(Instant untouchedSince);

    record Change(Incident before, Incident after) {
    }

    /** Filters for listing; null means "any". */
    record Query(boolean openOnly, boolean unacknowledgedOnly, Actor owner, String service, Severity severity,
            int limit) {

        public Query(boolean openOnly, Actor owner, String service, Severity severity, int limit) {
            this(openOnly, false, owner, service, severity, limit);
        }

        public static Query open() {
            return new Query(true, null, null, null, 100);
        }

        public boolean matches(Incident i) {
            return (!openOnly || i.isOpen())
                    && (!unacknowledgedOnly || (i.isOpen() && i.acknowledgedBy() == null))
                    && (owner == null || owner.sameAs(i.owner()))
                    && (service == null || service.equals(i.service()))
                    && (severity == null || severity == i.severity());
        }

        public boolean filtered() {
            return openOnly || unacknowledgedOnly || owner != null || service != null || severity != null;
        }
    }

    /** One page of a listing: its incidents, the position of the first (from 1) and how many match in all. */
    record Page(List<Incident> items, long first, long total) {
        public Page {
            items = List.copyOf(items);
        }

        public long last() {
            return first + items.size() - 1;
        }
    }

    /**
     * One page of history: the incidents found, the numbers looked at ({@code newest} down to
     * {@code oldest}; none when {@code newest < oldest}) and about how many incidents exist in all.
     */
    record History(List<Incident> items, long newest, long oldest, long total) {
        public History {
            items = List.copyOf(items);
        }

        /** True when nothing older is left to look at. */
        public boolean reachedStart() {
            return oldest <= 1;
        }
    }
}
