package dev.opsbot.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.opsbot.chat.Actor;
import dev.opsbot.store.MongoActors;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** Reads {@code audit} in time order; an export reads the log once, so a scan is what it needs. */
final class MongoAuditExport implements AuditExport {

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoCollection<Document> audit;

    MongoAuditExport(MongoDatabase db) {
        this.audit = db.getCollection("audit");
    }

    @Override
    public long write(Instant since, Appendable out) throws IOException {
        long count = 0;
        for (Document d : audit.find(Filters.gte("at", Date.from(since))).sort(Sorts.ascending("at", "_id"))) {
            Actor actor = MongoActors.decode(d.get("actor", Document.class));
            Document line = new Document("at", MongoActors.instant(d, "at").toString())
                    .append("actor", actor == null ? null : actor.key())
                    .append("actorName", actor == null ? null : actor.name())
                    .append("action", d.getString("action"))
                    .append("item", d.getString("item"))
                    .append("before", d.getString("before"))
                    .append("after", d.getString("after"));
            out.append(line.toJson(JSON)).append('\n');
            count++;
        }
        return count;
    }
}
