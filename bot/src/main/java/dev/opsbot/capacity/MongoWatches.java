package dev.opsbot.capacity;

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

/** Watches in {@code capacity_watches}, {@code _id} the name: added once, removed whole, never patched. */
final class MongoWatches implements Watches {

    private final MongoCollection<Document> watches;

    MongoWatches(MongoDatabase db) {
        this.watches = db.getCollection("capacity_watches");
    }

    @Override
    public boolean add(Watch w) {
        return MongoAggregates.insertIfAbsent(watches, encode(w));
    }

    @Override
    public Optional<Watch> find(String name) {
        return Optional.ofNullable(watches.find(Filters.eq("_id", name)).first()).map(MongoWatches::decode);
    }

    @Override
    public Optional<Watch> remove(String name) {
        return Optional.ofNullable(watches.findOneAndDelete(Filters.eq("_id", name))).map(MongoWatches::decode);
    }

    @Override
    public List<Watch> all() {
        List<Watch> out = new ArrayList<>();
        for (Document d : watches.find().sort(Sorts.ascending("_id")).limit(MOST)) {
            out.add(decode(d));
        }
        return out;
    }

    private static Document encode(Watch w) {
        return new Document("_id", w.name())
                .append("query", w.query())
                .append("max", w.max())
                .append("threshold", w.threshold())
                .append("unit", w.unit().label())
                .append("asset", w.asset())
                .append("service", w.service())
                .append("by", MongoActors.encode(w.by()))
                .append("since", MongoActors.date(w.since()));
    }

    private static Watch decode(Document d) {
        String unit = d.getString("unit");
        return new Watch(d.getString("_id"), d.getString("query"), d.getString("max"), d.getDouble("threshold"),
                unit == null || unit.isEmpty() ? Unit.NONE : Unit.parse(unit), d.getString("asset"),
                d.getString("service"), MongoActors.decode(d.get("by", Document.class)), MongoActors.instant(d, "since"));
    }
}
