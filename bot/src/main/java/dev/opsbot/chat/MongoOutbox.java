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
import java.util.Optional;
import org.bson.Document;

/** The outbox collection: one document per idempotency key, so a key can be stored only once. */
public final class MongoOutbox implements OutboxStore {

    private final MongoCollection<Document> outbox;

    public MongoOutbox(MongoDatabase db) {
        this.outbox = db.getCollection("outbox");
        outbox.createIndex(Indexes.ascending("status", "platform", "nextAttemptAt"));
    }

    @Override
    public boolean add(Envelope e) {
        return MongoAggregates.insertIfAbsent(outbox, new Document("_id", e.key())
                .append("channel", MongoActors.encode(e.channel()))
                .append("platform", e.channel().platform().key())
                .append("message", MongoReplies.encode(e.message()))
                .append("status", "pending")
                .append("attempts", 0)
                .append("createdAt", Date.from(e.createdAt()))
                .append("nextAttemptAt", Date.from(e.createdAt()))
                .append("leasedUntil", new Date(0)));
    }

    @Override
    public Optional<Envelope> claimNext(Collection<Platform> platforms, Instant now, Duration lease) {
        Date nowDate = Date.from(now);
        Document claimed = outbox.findOneAndUpdate(
                Filters.and(
                        Filters.eq("status", "pending"),
                        Filters.in("platform", platforms.stream().map(Platform::key).toList()),
                        Filters.lte("nextAttemptAt", nowDate),
                        Filters.lte("leasedUntil", nowDate)),
                Updates.combine(Updates.set("leasedUntil", Date.from(now.plus(lease))), Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
                        .returnDocument(ReturnDocument.BEFORE));
        if (claimed == null) {
            return Optional.empty();
        }
        return Optional.of(new Envelope(claimed.getString("_id"),
                MongoActors.decodeChannel(claimed.get("channel", Document.class)),
                MongoReplies.decode(claimed.get("message", Document.class)),
                claimed.getInteger("attempts", 0),
                MongoActors.instant(claimed, "createdAt")));
    }

    @Override
    public void markSent(String key, Instant at) {
        outbox.updateOne(Filters.eq("_id", key),
                Updates.combine(Updates.set("status", "sent"), Updates.set("sentAt", Date.from(at))));
    }

    @Override
    public void retryAt(String key, Instant next, String reason) {
        outbox.updateOne(Filters.eq("_id", key), Updates.combine(
                Updates.set("nextAttemptAt", Date.from(next)),
                Updates.set("leasedUntil", new Date(0)),
                Updates.set("lastError", reason)));
    }

    @Override
    public void markFailed(String key, String reason) {
        outbox.updateOne(Filters.eq("_id", key),
                Updates.combine(Updates.set("status", "failed"), Updates.set("lastError", reason)));
    }
}
