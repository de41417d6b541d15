package dev.opsbot.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/** One document per sequence, incremented atomically on the server. */
public final class MongoCounters implements Counters {

    private final MongoCollection<Document> counters;

    public MongoCounters(MongoDatabase db) {
        this.counters = db.getCollection("counters");
    }

    @Override
    public long next(String sequence) {
        Document after = counters.findOneAndUpdate(
                new Document("_id", sequence),
                Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) after.get("value")).longValue();
    }
}
