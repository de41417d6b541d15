package dev.opsbot.change;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.opsbot.store.Counters;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Changes in {@code changes}, one document each, approvals and timeline embedded, every write a
 * versioned replace through {@link MongoAggregates}.
 */
final class MongoChangeRequests implements ChangeRequests {

    private final MongoAggregates<ChangeRequest> changes;
    private final MongoCollection<Document> collection;
    private final Counters numbers;

    MongoChangeRequests(MongoDatabase db, Counters numbers) {
        this.collection = db.getCollection("changes");
        collection.createIndex(Indexes.ascending("start", "end"));
        collection.createIndex(Indexes.ascending("state", "start"));
        this.changes = new MongoAggregates<>(collection, new Codec());
        this.numbers = numbers;
    }

    @Override
    public ChangeRequest add(Function<String, ChangeRequest> create) {
        ChangeRequest change = create.apply("CHG-" + numbers.next("CHG"));
        changes.insert(change);
        return change;
    }

    @Override
    public Optional<ChangeRequest> find(String id) {
        return changes.find(id);
    }

    @Override
    public Optional<Change> update(String id, UnaryOperator<ChangeRequest> rule) {
        return changes.update(id, rule).map(c -> new Change(c.before(), c.after()));
    }

    @Override
    public List<ChangeRequest> during(Instant from, Instant to, int limit) {
        Bson window = Filters.and(Filters.lt("start", MongoActors.date(to)), Filters.gt("end", MongoActors.date(from)));
        Bson ran = Filters.and(Filters.lt("startedAt", MongoActors.date(to)),
                Filters.or(Filters.eq("finishedAt", null), Filters.gte("finishedAt", MongoActors.date(from))));
        return changes.find(Filters.or(window, ran), Sorts.ascending("start"), limit);
    }

    @Override
    public List<ChangeRequest> list(Query q) {
        List<Bson> filters = new ArrayList<>();
        if (q.state() != null) {
            filters.add(Filters.eq("state", q.state().name()));
        }
        if (q.service() != null) {
            filters.add(Filters.eq("services", q.service()));
        }
        if (q.requester() != null) {
            filters.add(Filters.eq("requester.platform", q.requester().platform().key()));
            filters.add(Filters.eq("requester.id", q.requester().id()));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return changes.find(filter, Sorts.descending("start"), q.limit());
    }

    private static final class Codec implements MongoAggregates.Codec<ChangeRequest> {
        @Override
        public Document encode(ChangeRequest c) {
            return new Document("_id", c.id())
                    .append("title", c.title())
                    .append("type", c.type().name())
                    .append("risk", c.risk().name())
                    .append("state", c.state().name())
                    .append("assets", c.assets())
                    .append("reached", c.reached())
                    .append("services", c.services())
                    .append("start", MongoActors.date(c.start()))
                    .append("end", MongoActors.date(c.end()))
                    .append("plan", c.plan())
                    .append("backout", c.backout())
                    .append("incident", c.incident())
                    .append("template", c.template())
                    .append("requester", MongoActors.encode(c.requester()))
                    .append("channel", MongoActors.encode(c.channel()))
                    .append("requestedAt", MongoActors.date(c.requestedAt()))
                    .append("approvals", c.approvals().stream().map(a -> new Document("by", MongoActors.encode(a.by()))
                            .append("at", MongoActors.date(a.at())).append("owner", a.owner())
                            .append("note", a.note())).toList())
                    .append("startedAt", MongoActors.date(c.startedAt()))
                    .append("finishedAt", MongoActors.date(c.finishedAt()))
                    .append("linkedIncidents", c.linkedIncidents())
                    .append("timeline", c.timeline().stream().map(e -> new Document("at", MongoActors.date(e.at()))
                            .append("actor", MongoActors.encode(e.actor())).append("kind", e.kind())
                            .append("text", e.text())).toList());
        }

        @Override
        public ChangeRequest decode(Document d) {
            List<ChangeRequest.Approval> approvals = d.getList("approvals", Document.class).stream()
                    .map(a -> new ChangeRequest.Approval(MongoActors.decode(a.get("by", Document.class)),
                            MongoActors.instant(a, "at"), a.getBoolean("owner", false), a.getString("note")))
                    .toList();
            List<ChangeRequest.Event> timeline = d.getList("timeline", Document.class).stream()
                    .map(e -> new ChangeRequest.Event(MongoActors.instant(e, "at"),
                            MongoActors.decode(e.get("actor", Document.class)), e.getString("kind"),
                            e.getString("text")))
                    .toList();
            return new ChangeRequest(d.getString("_id"), d.getString("title"), ChangeType.valueOf(d.getString("type")),
                    Risk.valueOf(d.getString("risk")), ChangeState.valueOf(d.getString("state")),
                    d.getList("assets", String.class), d.getList("reached", String.class),
                    d.getList("services", String.class), MongoActors.instant(d, "start"),
                    MongoActors.instant(d, "end"), d.getString("plan"), d.getString("backout"),
                    d.getString("incident"), d.getString("template"),
                    MongoActors.decode(d.get("requester", Document.class)),
                    MongoActors.decodeChannel(d.get("channel", Document.class)), MongoActors.instant(d, "requestedAt"),
                    approvals, MongoActors.instant(d, "startedAt"), MongoActors.instant(d, "finishedAt"),
                    d.getList("linkedIncidents", String.class), timeline);
        }
    }
}
