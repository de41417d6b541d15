package dev.opsbot.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One aggregate per document, changed only by a conditional replace on its version. Two people
 * changing the same item at once cannot both win: the loser re-reads the new state and the
 * change is applied again to it, where the domain rules may now refuse it.
 *
 * <p>The replace's filter {@code {_id, version}} is served by the {@code _id} index on real
 * MongoDB and on the embedded store alike, and each replace is atomic on both. Within one process
 * updates of the same item also queue on a lock, so people acting on one incident at once take
 * turns instead of spending their attempts on each other; the version check is what still guards
 * against another instance on a shared MongoDB.
 */
public final class MongoAggregates<T> {

    /** How an aggregate becomes a document and back; {@code version} is managed here. */
    public interface Codec<T> {
        Document encode(T value);

        T decode(Document document);
    }

    private static final int MAX_ATTEMPTS = 16;

    /** Locks for updates in this process, chosen by collection and id. */
    private static final ReentrantLock[] TURNS = new ReentrantLock[64];

    static {
        for (int i = 0; i < TURNS.length; i++) {
            TURNS[i] = new ReentrantLock();
        }
    }

    private final MongoCollection<Document> collection;
    private final Codec<T> codec;

    public MongoAggregates(MongoCollection<Document> collection, Codec<T> codec) {
        this.collection = collection;
        this.codec = codec;
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    public void insert(T value) {
        collection.insertOne(first(value));
    }

    /** Inserts a new aggregate; false, and nothing written, if one with its id is already stored. */
    public boolean add(T value) {
        return insertIfAbsent(collection, first(value));
    }

    /**
     * Inserts {@code doc} unless its {@code _id} (or another unique key) is taken: false then, and
     * nothing written. The unique key decides, not a read before the write, so of two callers
     * adding the same item at once exactly one gets true. For any collection, versioned or not.
     */
    public static boolean insertIfAbsent(MongoCollection<Document> collection, Document doc) {
        try {
            collection.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private Document first(T value) {
        Document doc = codec.encode(value);
        doc.put("version", 0L);
        return doc;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(codec::decode);
    }

    public List<T> find(Bson filter, Bson sort, int limit) {
        List<T> out = new ArrayList<>();
        for (Document d : collection.find(filter).sort(sort).limit(limit)) {
            out.add(codec.decode(d));
        }
        return out;
    }

    /**
     * Applies {@code change} to the current state and stores the result if nobody changed the
     * item meanwhile; otherwise re-reads and tries again. Returns the stored state, or empty if
     * the item does not exist. Exceptions thrown by {@code change} propagate and nothing is written.
     * {@code change} runs while the item's turn is held, so it must only compute the new state (as
     * the domain rules do), never update another item itself.
     */
    public Optional<Change<T>> update(String id, UnaryOperator<T> change) {
        ReentrantLock turn = TURNS[Math.floorMod((collection.getNamespace().getFullName() + '/' + id).hashCode(),
                TURNS.length)];
        turn.lock();
        try {
            return updateInTurn(id, change);
        } finally {
            turn.unlock();
        }
    }

    private Optional<Change<T>> updateInTurn(String id, UnaryOperator<T> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document current = collection.find(Filters.eq("_id", id)).first();
            if (current == null) {
                return Optional.empty();
            }
            long version = ((Number) current.getOrDefault("version", 0L)).longValue();
            T before = codec.decode(current);
            T after = change.apply(before);
            if (after == before) {
                return Optional.of(new Change<>(before, after));
            }
            Document next = codec.encode(after);
            next.put("version", version + 1);
            long matched = collection.replaceOne(
                    Filters.and(Filters.eq("_id", id), Filters.eq("version", version)), next).getMatchedCount();
            if (matched == 1) {
                return Optional.of(new Change<>(before, after));
            }
        }
        throw new IllegalStateException("item " + id + " kept changing under us; gave up after "
                + MAX_ATTEMPTS + " attempts");
    }

    /** The state an update started from and the state it stored. */
    public record Change<T>(T before, T after) {
    }
}
