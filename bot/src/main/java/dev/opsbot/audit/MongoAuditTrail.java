package dev.opsbot.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.MongoActors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;

/**
 * {@code audit_index}: for each key a head {@code {_id: key, count}} and buckets
 * {@code {_id: key#k, entries: [...]}} of {@value #BUCKET} entries numbered from 1. Filing is an
 * {@code $inc} on the head and a {@code $push} into the bucket that number falls in; reading a
 * page reads the head and at most two buckets, each by {@code _id}, which the embedded store
 * answers from its primary key without scanning.
 */
final class MongoAuditTrail implements AuditTrail {

    static final int BUCKET = 20;

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
        Document head = index.findOneAndUpdate(Filters.eq("_id", key), Updates.inc("count", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long n = ((Number) head.get("count")).longValue();
        Document numbered = new Document(entry).append("n", n);
        index.updateOne(Filters.eq("_id", bucket(key, n)), Updates.push("entries", numbered),
                new UpdateOptions().upsert(true));
    }

    @Override
    public Page page(String key, int page, int size) {
        Document head = index.find(Filters.eq("_id", key)).first();
        long total = head == null ? 0 : ((Number) head.get("count")).longValue();
        long newest = total - (long) (page - 1) * size;
        long oldest = Math.max(1, newest - size + 1);
        List<Document> found = new ArrayList<>();
        if (newest >= 1) {
            for (long b = (oldest - 1) / BUCKET; b <= (newest - 1) / BUCKET; b++) {
                Document bucket = index.find(Filters.eq("_id", key + "#" + b)).first();
                if (bucket != null) {
                    for (Document e : bucket.getList("entries", Document.class, List.of())) {
                        long n = ((Number) e.get("n")).longValue();
                        if (n >= oldest && n <= newest) {
                            found.add(e);
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong((Document e) -> ((Number) e.get("n")).longValue()).reversed());
        List<AuditEntry> entries = found.stream()
                .map(e -> new AuditEntry(MongoActors.instant(e, "at"), MongoActors.decode(e.get("actor", Document.class)),
                        e.getString("action"), e.getString("item"), e.getString("before"), e.getString("after")))
                .toList();
        return new Page(entries, page, total);
    }

    private static String bucket(String key, long n) {
        return key + "#" + (n - 1) / BUCKET;
    }
}
