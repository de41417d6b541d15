package dev.opsbot.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend as opsbot runs it, with these departures:
 * <ul>
 *   <li><b>Durable writes.</b> The backend on its own keeps writes in MVStore memory until a
 *   background save about a second later, so a crash lost writes already acknowledged. Here every
 *   write command is committed to the file and synced before its reply leaves.</li>
 *   <li><b>Safe with several connections.</b> The server locks each collection for one command,
 *   but it replies with the very document objects it stores and later updates them in place, so a
 *   reply being written on one connection could change under an update on another (a counter
 *   handing out a number twice). Queries here return copies, made under the collection's lock.</li>
 *   <li><b>Start-up independent of history.</b> Non-unique indexes are recorded but not built
 *   ({@link DeclaredOnly}); {@code _id} lookups also serve filters that pin {@code _id}
 *   ({@link IdLookup}).</li>
 * </ul>
 */
final class EmbeddedBackend extends H2Backend {

    /** Commands that can change stored data (lower case; the wire protocol's casing varies). */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "dropindexes", "drop", "dropdatabase", "renamecollection");

    /**
     * How long MVStore keeps superseded chunks before reusing their space. Its default, 45 s,
     * covers disks that flush late; every commit here is synced, and with a commit per write the
     * default let the file grow by about 20 KB a write for 45 s of writing (docs/benchmarks.md).
     */
    private static final int RETENTION_MILLIS = 2_000;

    private final boolean onDisk;

    EmbeddedBackend(MVStore store) {
        super(store);
        this.onDisk = store.getFileStore() != null;
        if (onDisk) {
            store.setRetentionTime(RETENTION_MILLIS);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * Every command the driver sends arrives here (OP_MSG); the reply is written to the socket
     * only after this returns, so the commit comes before the acknowledgement.
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        String command = message.getDocument().keySet().iterator().next();
        try {
            return super.handleMessage(message);
        } finally {
            if (onDisk && WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                // Also after a failed write: part of a multi-document write may have been applied.
                MVStore store = getMvStore();
                store.commit();
                store.sync();
            }
        }
    }

    /**
     * An inner class on purpose: the H2 database opens its collections from its own constructor,
     * before a field of a subclass could be set, and the store they need is the backend's.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            return new CopyingCollection(this, collectionName, options,
                    store.openMap("databases." + namespace), store.openMap("meta." + namespace));
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            return IdLookup.isIdKey(keys) ? new IdLookup(index, sparse) : index;
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new DeclaredOnly(indexName, keys);
        }
    }

    private final class CopyingCollection extends H2Collection {

        CopyingCollection(Database database, String name, CollectionOptions options,
                MVMap<Object, Document> data, MVMap<String, Object> meta) {
            super(database, name, options, data, meta, getCursorRegistry());
        }

        /**
         * Every query, and the query inside every update, delete and findAndModify, ends here
         * while the collection is locked. Copies keep stored documents out of replies, and make
         * updates change a copy that then replaces the stored one.
         */
        @Override
        protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
            return super.createQueryResult(matched.stream().map(Document::cloneDeeply).toList(), batchSize);
        }
    }

    /**
     * A non-unique index the embedded server keeps no entries for: it could not use them for a
     * query, and filling one walked the whole collection at every start. Real MongoDB builds them.
     */
    private static final class DeclaredOnly extends EmptyIndex<Object> {
        DeclaredOnly(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        /** Not empty, so adding it never walks the collection to fill it. */
        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}
