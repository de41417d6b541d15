package dev.opsbot.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * {@code audit_index}: per key a head {@code {_id: key, count, recent}} holding the newest
 * {@value #RECENT} entries, and sealed buckets {@code {_id: key#b, entries}} of {@value #BUCKET}.
 * Entries are numbered from 1 by {@code count}. Filing is one {@code findOneAndUpdate} on the head
 * ({@code $inc} and a {@code $push} capped by {@code $slice}, atomic together, so the last entry of
 * the returned {@code recent} is the one just filed and its number is {@code count}); the filing
 * that fills a bucket copies it out of {@code recent} with an insert that only the first copy
 * wins. {@code recent} keeps two buckets' worth, so a bucket missed by a crash is sealed by the
 * next filing that fills one. Every read and write addresses one document by {@code _id}, which
 * the embedded store answers from its primary key without scanning.
 */
final class MongoAuditTrail implements AuditTrail {

    static final int BUCKET = 20;
    static final int RECENT = 2 * BUCKET;

    private final MongoCollection<Document> index;

    MongoAuditTrail(MongoDatabase db) {
        this.index = db.getCollection("audit_index");
    }

    @Override
    public void file(AuditEntry entry) {
        Document doc = new Document("at", MongoActors.date(entry.at()))
                .append("actor", MongoActors.encode(entry.actor()))
                .append("action", entry.action()).append("item", entry.item())
                .append("before", entry.before()).append("after", entry.after());
        file(AuditTrail.itemKey(entry.item()), doc);
        if (entry.actor() != null) {
            file(AuditTrail.actorKey(entry.actor()), doc);
        }
    }

    private void file(String key, Document entry) {
        Document head = index.findOneAndUpdate(Filters.eq("_id", key),
                Updates.combine(Updates.inc("count", 1L),
                        Updates.pushEach("recent", List.of(entry), new PushOptions().slice(-RECENT))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long n = count(head);
        if (n % BUCKET != 0) {
            return;
        }
        List<Document> recent = head.getList("recent", Document.class);
        long first = n - recent.size() + 1;
        for (long b = (first - 1 + BUCKET - 1) / BUCKET; (b + 1) * BUCKET <= n; b++) {
            int from = (int) (b * BUCKET + 1 - first);
            MongoAggregates.insertIfAbsent(index, new Document("_id", key + "#" + b)
                    .append("entries", new ArrayList<>(recent.subList(from, from + BUCKET))));
        }
    }

    @Override
    public Page page(String key, int page, int size) {
        Document head = index.find(Filters.eq("_id", key)).first();
        if (head == null) {
            return new Page(List.of(), page, 0);
        }
        long total = count(head);
        List<Document> recent = head.getList("recent", Document.class, List.of());
        long firstRecent = total - recent.size() + 1;
        long newest = total - (long) (page - 1) * size;
        long oldest = Math.max(1, newest - size + 1);
        Map<Long, List<Document>> buckets = new HashMap<>();
        List<AuditEntry> entries = new ArrayList<>();
        for (long n = newest; n >= oldest; n--) {
            Document e;
            if (n >= firstRecent) {
                e = recent.get((int) (n - firstRecent));
            } else {
                List<Document> bucket = buckets.computeIfAbsent((n - 1) / BUCKET, b -> bucket(key, b));
                int at = (int) ((n - 1) % BUCKET);
                e = at < bucket.size() ? bucket.get(at) : null;
            }
            if (e != null) {
                entries.add(new AuditEntry(MongoActors.instant(e, "at"), MongoActors.decode(e.get("actor", Document.class)),
                        e.getString("action"), e.getString("item"), e.getString("before"), e.getString("after")));
            }
        }
        return new Page(entries, page, total);
    }

    /** A sealed bucket's entries; none if a crash kept it from being sealed and recent has moved past it. */
    private List<Document> bucket(String key, long b) {
        Document bucket = index.find(Filters.eq("_id", key + "#" + b)).first();
        return bucket == null ? List.of() : bucket.getList("entries", Document.class, List.of());
    }

    private static long count(Document head) {
        return ((Number) head.get("count")).longValue();
    }
}
