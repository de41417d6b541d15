package dev.opsbot.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.opsbot.chat.Actor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

public final class MongoAuditLog implements AuditLog {

    private final MongoCollection<Document> audit;

    public MongoAuditLog(MongoDatabase db) {
        this.audit = db.getCollection("audit");
        audit.createIndex(Indexes.compoundIndex(Indexes.ascending("item"), Indexes.descending("at")));
    }

    @Override
    public void append(AuditEntry e) {
        audit.insertOne(new Document("at", Date.from(e.at()))
                .append("actor", MongoActors.encode(e.actor()))
                .append("action", e.action())
                .append("item", e.item())
                .append("before", e.before())
                .append("after", e.after()));
    }

    /** Entries of the same instant come back newest first too: client-made ObjectIds grow in insert order. */
    @Override
    public List<AuditEntry> forItem(String item, int limit) {
        List<AuditEntry> out = new ArrayList<>();
        for (Document d : audit.find(Filters.eq("item", item)).sort(Sorts.descending("at", "_id")).limit(limit)) {
            Actor actor = MongoActors.decode(d.get("actor", Document.class));
            out.add(new AuditEntry(d.getDate("at").toInstant(), actor, d.getString("action"), d.getString("item"),
                    d.getString("before"), d.getString("after")));
        }
        return out;
    }
}
