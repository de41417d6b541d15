package dev.opsbot.alert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;

/** {@code alert_heartbeats}: one small document per heartbeat, {@code _id} the alert's name. */
final class MongoHeartbeats implements Heartbeats {

    private final MongoCollection<Document> collection;
    private final MongoAggregates<Heartbeat> heartbeats;

    MongoHeartbeats(MongoDatabase db) {
        this.collection = db.getCollection("alert_heartbeats");
        this.heartbeats = new MongoAggregates<>(collection, new Codec());
    }

    @Override
    public void set(Heartbeat heartbeat) {
        Document doc = new Codec().encode(heartbeat);
        doc.put("version", 0L);
        collection.replaceOne(Filters.eq("_id", heartbeat.name()), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean remove(String name) {
        return collection.deleteOne(Filters.eq("_id", name)).getDeletedCount() == 1;
    }

    @Override
    public Optional<Heartbeat> find(String name) {
        return heartbeats.find(name);
    }

    @Override
    public Optional<Heartbeat> update(String name, UnaryOperator<Heartbeat> change) {
        return heartbeats.update(name, change).map(MongoAggregates.Change::after);
    }

    @Override
    public List<Heartbeat> all() {
        return heartbeats.find(new Document(), Sorts.ascending("_id"), 500);
    }

    private static final class Codec implements MongoAggregates.Codec<Heartbeat> {

        @Override
        public Document encode(Heartbeat h) {
            return new Document("_id", h.name()).append("everySeconds", h.every().toSeconds())
                    .append("service", h.service()).append("lastSeen", MongoActors.date(h.lastSeen()))
                    .append("silentIncident", h.silentIncident()).append("setBy", MongoActors.encode(h.setBy()));
        }

        @Override
        public Heartbeat decode(Document d) {
            return new Heartbeat(d.getString("_id"), Duration.ofSeconds(((Number) d.get("everySeconds")).longValue()),
                    d.getString("service"), MongoActors.instant(d, "lastSeen"), d.getString("silentIncident"),
                    MongoActors.decode(d.get("setBy", Document.class)));
        }
    }
}
