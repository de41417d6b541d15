package dev.opsbot.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.opsbot.store.MongoAggregates;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * Request ids keyed by {@code _id}, so the unique primary key decides who saw a request first.
 * Old ids are harmless and small; operators may prune documents older than a day.
 */
public final class MongoHandledRequests implements HandledRequests {

    private final MongoCollection<Document> requests;

    public MongoHandledRequests(MongoDatabase db) {
        this.requests = db.getCollection("handled_requests");
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        requests.deleteMany(Filters.lt("at", Date.from(cutoff)));
    }

    @Override
    public void forget(String requestId) {
        requests.deleteOne(new Document("_id", requestId));
    }

    @Override
    public boolean firstTime(String requestId, Instant now) {
        return MongoAggregates.insertIfAbsent(requests, new Document("_id", requestId).append("at", Date.from(now)));
    }
}
