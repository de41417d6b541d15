package dev.opsbot.command;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
    public void forget(String requestId) {
        requests.deleteOne(new Document("_id", requestId));
    }

    @Override
    public boolean firstTime(String requestId, Instant now) {
        try {
            requests.insertOne(new Document("_id", requestId).append("at", Date.from(now)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
