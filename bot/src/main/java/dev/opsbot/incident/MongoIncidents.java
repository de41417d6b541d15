package dev.opsbot.incident;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.opsbot.store.Counters;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Incidents as one document each in {@code incidents}, timeline embedded. */
final class MongoIncidents implements Incidents {

    private final MongoAggregates<Incident> incidents;
    private final Counters counters;

    MongoIncidents(MongoDatabase db, Counters counters) {
        var collection = db.getCollection("incidents");
        collection.createIndex(Indexes.ascending("status", "severity", "declaredAt"));
        collection.createIndex(Indexes.ascending("service", "status"));
        collection.createIndex(Indexes.ascending("owner.platform", "owner.id", "status"));
        this.incidents = new MongoAggregates<>(collection, new Codec());
        this.counters = counters;
    }

    @Override
    public Incident declare(Function<String, Incident> create) {
        Incident incident = create.apply("INC-" + counters.next("INC"));
        incidents.insert(incident);
        return incident;
    }

    @Override
    public Optional<Incident> find(String id) {
        return incidents.find(id);
    }

    @Override
    public Optional<Change> update(String id, UnaryOperator<Incident> change) {
        return incidents.update(id, change).map(c -> new Change(c.before(), c.after()));
    }

    @Override
    public List<Incident> list(Query q) {
        List<Bson> filters = new ArrayList<>();
        if (q.openOnly()) {
            filters.add(Filters.in("status", List.of("DECLARED", "ACKNOWLEDGED", "MITIGATED")));
        }
        if (q.owner() != null) {
            filters.add(Filters.eq("owner.platform", q.owner().platform().key()));
            filters.add(Filters.eq("owner.id", q.owner().id()));
        }
        if (q.service() != null) {
            filters.add(Filters.eq("service", q.service()));
        }
        if (q.severity() != null) {
            filters.add(Filters.eq("severity", q.severity().name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return incidents.find(filter, Sorts.orderBy(Sorts.ascending("severity"), Sorts.descending("declaredAt")),
                q.limit());
    }

    private static final class Codec implements MongoAggregates.Codec<Incident> {
        @Override
        public Document encode(Incident i) {
            return new Document("_id", i.id())
                    .append("title", i.title())
                    .append("severity", i.severity().name())
                    .append("status", i.status().name())
                    .append("service", i.service())
                    .append("channel", MongoActors.encode(i.channel()))
                    .append("declaredBy", MongoActors.encode(i.declaredBy()))
                    .append("declaredAt", MongoActors.date(i.declaredAt()))
                    .append("owner", MongoActors.encode(i.owner()))
                    .append("acknowledgedBy", MongoActors.encode(i.acknowledgedBy()))
                    .append("acknowledgedAt", MongoActors.date(i.acknowledgedAt()))
                    .append("mitigatedAt", MongoActors.date(i.mitigatedAt()))
                    .append("resolvedBy", MongoActors.encode(i.resolvedBy()))
                    .append("resolvedAt", MongoActors.date(i.resolvedAt()))
                    .append("summary", i.summary())
                    .append("closedAt", MongoActors.date(i.closedAt()))
                    .append("lastUpdateAt", MongoActors.date(i.lastUpdateAt()))
                    .append("timeline", i.timeline().stream().map(e -> new Document("at", MongoActors.date(e.at()))
                            .append("actor", MongoActors.encode(e.actor()))
                            .append("kind", e.kind())
                            .append("text", e.text())).toList());
        }

        @Override
        public Incident decode(Document d) {
            List<TimelineEntry> timeline = d.getList("timeline", Document.class).stream()
                    .map(e -> new TimelineEntry(MongoActors.instant(e, "at"),
                            MongoActors.decode(e.get("actor", Document.class)), e.getString("kind"),
                            e.getString("text")))
                    .toList();
            return new Incident(d.getString("_id"), d.getString("title"), Severity.valueOf(d.getString("severity")),
                    IncidentStatus.valueOf(d.getString("status")), d.getString("service"),
                    MongoActors.decodeChannel(d.get("channel", Document.class)),
                    MongoActors.decode(d.get("declaredBy", Document.class)), MongoActors.instant(d, "declaredAt"),
                    MongoActors.decode(d.get("owner", Document.class)),
                    MongoActors.decode(d.get("acknowledgedBy", Document.class)),
                    MongoActors.instant(d, "acknowledgedAt"), MongoActors.instant(d, "mitigatedAt"),
                    MongoActors.decode(d.get("resolvedBy", Document.class)), MongoActors.instant(d, "resolvedAt"),
                    d.getString("summary"), MongoActors.instant(d, "closedAt"),
                    MongoActors.instant(d, "lastUpdateAt"), timeline);
        }
    }
}
