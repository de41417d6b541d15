package dev.opsbot.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;
import java.util.Set;

/**
 * The embedded server's {@code _id} index, also used for filters that pin {@code _id} to one
 * value next to other conditions ({@code {_id: x, version: 3}} or {@code {$and: [{_id: x}, …]}}).
 * The server on its own serves only a filter that is exactly {@code {_id: x}} from the index and
 * scans the whole collection for anything else. The index only narrows the candidates to that one
 * document; the server still applies the full filter to it. Everything else is the wrapped index's.
 */
final class IdLookup extends Index<Object> {

    private final Index<Object> index;

    IdLookup(Index<Object> index, boolean sparse) {
        super(index.getName(), index.getKeys(), sparse);
        this.index = index;
    }

    static boolean isIdKey(List<IndexKey> keys) {
        return keys.size() == 1 && keys.get(0).getKey().equals("_id");
    }

    /** The single {@code _id} value the filter requires, or null when it does not pin one. */
    static Object pinnedId(Document filter) {
        if (isPlain(filter.get("_id"))) {
            return filter.get("_id");
        }
        if (filter.get("$and") instanceof List<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document d && isPlain(d.get("_id"))) {
                    return d.get("_id");
                }
            }
        }
        return null;
    }

    /** A value that {@code _id} can only equal, not match as an operator, regex or array would. */
    private static boolean isPlain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof ObjectId;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || pinnedId(query) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        if (index.canHandle(query)) {
            return index.getPositions(query);
        }
        return index.getPositions(new Document("_id", pinnedId(query)));
    }

    @Override
    public Object getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        index.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        return index.getKeyValues(document);
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }

    @Override
    public Document toIndexDescription() {
        return index.toIndexDescription();
    }

    @Override
    public void drop() {
        index.drop();
    }
}
