package dev.opsbot.alert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.opsbot.incident.Severity;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** {@code alert_routes}: one document per route, {@code _id} its name. */
final class MongoAlertRoutes implements AlertRoutes {

    private final MongoCollection<Document> routes;

    MongoAlertRoutes(MongoDatabase db) {
        this.routes = db.getCollection("alert_routes");
    }

    @Override
    public boolean add(AlertRoute r) {
        List<Document> matchers = r.matchers().stream().map(m -> new Document("label", m.label())
                .append("regex", m.regex()).append("value", m.value())).toList();
        return MongoAggregates.insertIfAbsent(routes, new Document("_id", r.name()).append("matchers", matchers)
                .append("service", r.service()).append("severity", r.severity() == null ? null : r.severity().word())
                .append("mode", r.mode().word()).append("autoResolve", r.autoResolve())
                .append("position", r.position()).append("addedBy", MongoActors.encode(r.addedBy()))
                .append("addedAt", MongoActors.date(r.addedAt())));
    }

    @Override
    public boolean remove(String name) {
        return routes.deleteOne(Filters.eq("_id", name)).getDeletedCount() == 1;
    }

    @Override
    public List<AlertRoute> inOrder() {
        List<AlertRoute> out = new ArrayList<>();
        for (Document d : routes.find().sort(Sorts.ascending("position"))) {
            List<LabelMatch> matchers = d.getList("matchers", Document.class, List.of()).stream()
                    .map(m -> new LabelMatch(m.getString("label"), m.getBoolean("regex", false), m.getString("value")))
                    .toList();
            String severity = d.getString("severity");
            out.add(new AlertRoute(d.getString("_id"), matchers, d.getString("service"),
                    severity == null ? null : Severity.parse(severity).orElse(null),
                    AlertRoute.Mode.valueOf(d.getString("mode").toUpperCase(java.util.Locale.ROOT)),
                    d.getBoolean("autoResolve", false), ((Number) d.get("position")).longValue(),
                    MongoActors.decode(d.get("addedBy", Document.class)), MongoActors.instant(d, "addedAt")));
        }
        return out;
    }
}
