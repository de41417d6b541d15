package dev.opsbot.service;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.opsbot.chat.Actor;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;

/** Services in {@code services}, the name as {@code _id} so two services can never share one. */
final class MongoServices implements Services {

    private final MongoAggregates<Service> services;

    MongoServices(MongoDatabase db) {
        var collection = db.getCollection("services");
        collection.createIndex(Indexes.ascending("rotation"));
        collection.createIndex(Indexes.ascending("owner.platform", "owner.id"));
        this.services = new MongoAggregates<>(collection, new Codec());
    }

    @Override
    public boolean add(Service service) {
        return services.add(service);
    }

    @Override
    public Optional<Service> find(String name) {
        return services.find(name);
    }

    @Override
    public List<Service> list(int limit) {
        return services.find(new Document(), Sorts.ascending("tier", "_id"), limit);
    }

    @Override
    public Optional<Change> update(String name, UnaryOperator<Service> change) {
        return services.update(name, change).map(c -> new Change(c.before(), c.after()));
    }

    @Override
    public List<Service> usingRotation(String rotation) {
        return services.find(Filters.eq("rotation", rotation), Sorts.ascending("_id"), 100);
    }

    @Override
    public List<Service> ownedBy(Actor owner, int limit) {
        return services.find(Filters.and(Filters.eq("owner.platform", owner.platform().key()),
                Filters.eq("owner.id", owner.id())), Sorts.ascending("_id"), limit);
    }

    @Override
    public List<Service> ownerless(int limit) {
        return services.find(Filters.eq("owner", null), Sorts.ascending("_id"), limit);
    }

    private static final class Codec implements MongoAggregates.Codec<Service> {
        @Override
        public Document encode(Service s) {
            return new Document("_id", s.name())
                    .append("team", s.team())
                    .append("channel", MongoActors.encode(s.channel()))
                    .append("tier", s.tier())
                    .append("owner", MongoActors.encode(s.owner()))
                    .append("rotation", s.rotation())
                    .append("addedBy", MongoActors.encode(s.addedBy()))
                    .append("addedAt", MongoActors.date(s.addedAt()))
                    .append("availability", s.availability());
        }

        @Override
        public Service decode(Document d) {
            return new Service(d.getString("_id"), d.getString("team"),
                    MongoActors.decodeChannel(d.get("channel", Document.class)), d.getInteger("tier", 3),
                    MongoActors.decode(d.get("owner", Document.class)), d.getString("rotation"),
                    MongoActors.decode(d.get("addedBy", Document.class)), MongoActors.instant(d, "addedAt"),
                    d.getDouble("availability"));
        }
    }
}
