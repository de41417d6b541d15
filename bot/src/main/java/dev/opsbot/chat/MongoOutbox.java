package dev.opsbot.chat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Two collections. {@code outbox} keeps every message under its idempotency key for good, so a
 * key is stored once however often it is announced; {@code outbox_queue} holds only the keys
 * still to deliver, so claiming stays cheap however long the history grows. A message is
 * written before its queue entry; {@link #MongoOutbox} re-queues any pending message whose
 * entry a crash lost in between.
 */
public final class MongoOutbox implements OutboxStore {

    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> queue;

    public MongoOutbox(MongoDatabase db) {
        this.outbox = db.getCollection("outbox");
        this.queue = db.getCollection("outbox_queue");
        outbox.createIndex(Indexes.ascending("status"));
        queue.createIndex(Indexes.ascending("platform", "nextAttemptAt"));
        for (Document pending : outbox.find(Filters.eq("status", "pending"))) {
            enqueue(pending.getString("_id"), pending.getString("platform"), pending.getDate("createdAt"));
        }
    }

    @Override
    public boolean add(Envelope e) {
        Date created = Date.from(e.createdAt());
        boolean stored = MongoAggregates.insertIfAbsent(outbox, new Document("_id", e.key())
                .append("channel", MongoActors.encode(e.channel()))
                .append("platform", e.channel().platform().key())
                .append("message", MongoReplies.encode(e.message()))
                .append("status", "pending")
                .append("createdAt", created));
        if (stored) {
            enqueue(e.key(), e.channel().platform().key(), created);
        }
        return stored;
    }

    private void enqueue(String key, String platform, Date due) {
        MongoAggregates.insertIfAbsent(queue, new Document("_id", key)
                .append("platform", platform)
                .append("attempts", 0)
                .append("nextAttemptAt", due)
                .append("leasedUntil", new Date(0)));
    }

    @Override
    public Optional<Envelope> claimNext(Collection<Platform> platforms, Instant now, Duration lease) {
        Date nowDate = Date.from(now);
        List<String> keys = platforms.stream().map(Platform::key).toList();
        while (true) {
            Document claimed = queue.findOneAndUpdate(
                    Filters.and(
                            Filters.in("platform", keys),
                            Filters.lte("nextAttemptAt", nowDate),
                            Filters.lte("leasedUntil", nowDate)),
                    Updates.combine(Updates.set("leasedUntil", Date.from(now.plus(lease))),
                            Updates.inc("attempts", 1)),
                    new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
                            .returnDocument(ReturnDocument.BEFORE));
            if (claimed == null) {
                return Optional.empty();
            }
            String key = claimed.getString("_id");
            Document message = outbox.find(Filters.eq("_id", key)).first();
            if (message == null || !"pending".equals(message.getString("status"))) {
                // Sent or failed already: a crash came between marking it and dropping its entry.
                queue.deleteOne(Filters.eq("_id", key));
                continue;
            }
            return Optional.of(new Envelope(key,
                    MongoActors.decodeChannel(message.get("channel", Document.class)),
                    MongoReplies.decode(message.get("message", Document.class)),
                    claimed.getInteger("attempts", 0),
                    MongoActors.instant(message, "createdAt")));
        }
    }

    @Override
    public void markSent(String key, Instant at) {
        outbox.updateOne(Filters.eq("_id", key),
                Updates.combine(Updates.set("status", "sent"), Updates.set("sentAt", Date.from(at))));
        queue.deleteOne(Filters.eq("_id", key));
    }

    @Override
    public void retryAt(String key, Instant next, String reason) {
        outbox.updateOne(Filters.eq("_id", key), Updates.set("lastError", reason));
        queue.updateOne(Filters.eq("_id", key), Updates.combine(
                Updates.set("nextAttemptAt", Date.from(next)),
                Updates.set("leasedUntil", new Date(0))));
    }

    @Override
    public long pruneSentBefore(Instant cutoff) {
        return outbox.deleteMany(Filters.and(Filters.eq("status", "sent"), Filters.lt("createdAt", Date.from(cutoff))))
                .getDeletedCount();
    }

    @Override
    public void markFailed(String key, String reason) {
        outbox.updateOne(Filters.eq("_id", key),
                Updates.combine(Updates.set("status", "failed"), Updates.set("lastError", reason)));
        queue.deleteOne(Filters.eq("_id", key));
    }
}
