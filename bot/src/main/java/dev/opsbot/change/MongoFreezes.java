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

/** Freezes in {@code change_freezes}, the name as {@code _id}; few enough that listing reads them all. */
final class MongoFreezes implements Freezes {

    private final MongoCollection<Document> freezes;

    MongoFreezes(MongoDatabase db) {
        this.freezes = db.getCollection("change_freezes");
    }

    @Override
    public boolean add(Freeze f) {
        return MongoAggregates.insertIfAbsent(freezes, new Document("_id", f.name())
                .append("from", MongoActors.date(f.from()))
                .append("to", MongoActors.date(f.to()))
                .append("service", f.service())
                .append("addedBy", MongoActors.encode(f.addedBy()))
                .append("addedAt", MongoActors.date(f.addedAt())));
    }

    @Override
    public Optional<Freeze> find(String name) {
        return Optional.ofNullable(freezes.find(Filters.eq("_id", name)).first()).map(MongoFreezes::decode);
    }

    @Override
    public boolean remove(String name) {
        return freezes.deleteOne(Filters.eq("_id", name)).getDeletedCount() == 1;
    }

    @Override
    public List<Freeze> list(int limit) {
        List<Freeze> out = new ArrayList<>();
        for (Document d : freezes.find().sort(Sorts.ascending("from")).limit(limit)) {
            out.add(decode(d));
        }
        return out;
    }

    private static Freeze decode(Document d) {
        return new Freeze(d.getString("_id"), MongoActors.instant(d, "from"), MongoActors.instant(d, "to"),
                d.getString("service"), MongoActors.decode(d.get("addedBy", Document.class)),
                MongoActors.instant(d, "addedAt"));
    }
}
