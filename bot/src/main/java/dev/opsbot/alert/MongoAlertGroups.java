package dev.opsbot.alert;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;

/**
 * {@code alert_groups}: the unique {@code _id} (the hashed group key) is what lets only one of two
 * racing deliveries add a group. Alerts are stored as a list, since a fingerprint a sender makes
 * up need not be a valid field name.
 */
final class MongoAlertGroups implements AlertGroups {

    private final MongoAggregates<AlertGroup> groups;

    MongoAlertGroups(MongoDatabase db) {
        var collection = db.getCollection("alert_groups");
        collection.createIndex(Indexes.ascending("firing", "lastDeliveryAt"));
        this.groups = new MongoAggregates<>(collection, new Codec());
    }

    @Override
    public Optional<AlertGroup> find(String id) {
        return groups.find(id);
    }

    @Override
    public boolean add(AlertGroup group) {
        return groups.add(group);
    }

    @Override
    public Optional<AlertGroup> update(String id, UnaryOperator<AlertGroup> change) {
        return groups.update(id, change).map(MongoAggregates.Change::after);
    }

    @Override
    public List<AlertGroup> firing(int limit) {
        return groups.find(Filters.gt("firing", 0), Sorts.descending("lastDeliveryAt"), limit);
    }

    private static final class Codec implements MongoAggregates.Codec<AlertGroup> {

        @Override
        public Document encode(AlertGroup g) {
            List<Document> alerts = new ArrayList<>(g.alerts().size());
            g.alerts().forEach((fp, seen) -> alerts.add(new Document("fp", fp)
                    .append("startsAt", MongoActors.date(seen.startsAt())).append("firing", seen.firing())));
            Document pending = g.pending() == null ? null
                    : new Document("at", MongoActors.date(g.pending().at())).append("text", g.pending().text())
                            .append("newFiring", g.pending().newFiring()).append("firingNow", g.pending().firingNow());
            return new Document("_id", g.id()).append("groupKey", g.groupKey()).append("title", g.title())
                    .append("service", g.service()).append("incidentId", g.incidentId())
                    .append("autoResolve", g.autoResolve()).append("alerts", alerts).append("firing", g.firing())
                    .append("lastDeliveryAt", MongoActors.date(g.lastDeliveryAt()))
                    .append("declaringSince", MongoActors.date(g.declaringSince()))
                    .append("pending", pending).append("expectedDuring", g.expectedDuring());
        }

        @Override
        public AlertGroup decode(Document d) {
            Map<String, AlertGroup.Seen> alerts = new HashMap<>();
            for (Document a : d.getList("alerts", Document.class, List.of())) {
                alerts.put(a.getString("fp"), new AlertGroup.Seen(MongoActors.instant(a, "startsAt"),
                        a.getBoolean("firing", false)));
            }
            Document p = d.get("pending", Document.class);
            AlertGroup.Pending pending = p == null ? null : new AlertGroup.Pending(MongoActors.instant(p, "at"),
                    p.getString("text"), p.getInteger("newFiring", 0), p.getInteger("firingNow", 0));
            return new AlertGroup(d.getString("_id"), d.getString("groupKey"), d.getString("title"),
                    d.getString("service"), d.getString("incidentId"), d.getBoolean("autoResolve", false), alerts,
                    MongoActors.instant(d, "lastDeliveryAt"), MongoActors.instant(d, "declaringSince"), pending,
                    d.getString("expectedDuring"));
        }
    }
}
