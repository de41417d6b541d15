package dev.opsbot.change;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Templates in {@code change_templates}, the name as {@code _id}. */
final class MongoChangeTemplates implements ChangeTemplates {

    private final MongoCollection<Document> templates;

    MongoChangeTemplates(MongoDatabase db) {
        this.templates = db.getCollection("change_templates");
    }

    @Override
    public boolean add(ChangeTemplate t) {
        return MongoAggregates.insertIfAbsent(templates, new Document("_id", t.name())
                .append("plan", t.plan())
                .append("backout", t.backout())
                .append("risk", t.risk().name())
                .append("addedBy", MongoActors.encode(t.addedBy()))
                .append("addedAt", MongoActors.date(t.addedAt())));
    }

    @Override
    public Optional<ChangeTemplate> find(String name) {
        return Optional.ofNullable(templates.find(Filters.eq("_id", name)).first()).map(MongoChangeTemplates::decode);
    }

    @Override
    public List<ChangeTemplate> list(int limit) {
        List<ChangeTemplate> out = new ArrayList<>();
        for (Document d : templates.find().sort(Sorts.ascending("_id")).limit(limit)) {
            out.add(decode(d));
        }
        return out;
    }

    private static ChangeTemplate decode(Document d) {
        return new ChangeTemplate(d.getString("_id"), d.getString("plan"), d.getString("backout"),
                Risk.valueOf(d.getString("risk")), MongoActors.decode(d.get("addedBy", Document.class)),
                MongoActors.instant(d, "addedAt"));
    }
}
