package dev.opsbot.problem;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.opsbot.chat.Actor;
import dev.opsbot.store.Counters;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Problems in {@code problems}, {@code _id} = {@code PRB-n}. {@code live} (0 live, 1 resolved) and
 * {@code number} give lists their order; the linked incidents' ids sit in {@code incidents.id}.
 */
final class MongoProblems implements Problems {

    private final MongoAggregates<Problem> problems;
    private final MongoCollection<Document> collection;
    private final Codec codec = new Codec();
    private final Counters counters;

    MongoProblems(MongoDatabase db, Counters counters) {
        this.collection = db.getCollection("problems");
        collection.createIndex(Indexes.ascending("live", "number"));
        collection.createIndex(Indexes.ascending("incidents.id"));
        collection.createIndex(Indexes.ascending("service", "status"));
        this.problems = new MongoAggregates<>(collection, codec);
        this.counters = counters;
    }

    @Override
    public Problem open(Function<String, Problem> create) {
        Problem problem = create.apply("PRB-" + counters.next("PRB"));
        problems.insert(problem);
        return problem;
    }

    @Override
    public Optional<Problem> find(String id) {
        return problems.find(id);
    }

    @Override
    public Optional<Change> update(String id, UnaryOperator<Problem> change) {
        return problems.update(id, change).map(c -> new Change(c.before(), c.after()));
    }

    @Override
    public List<Problem> page(int number, int size) {
        List<Problem> out = new ArrayList<>();
        for (Document d : collection.find().sort(Sorts.orderBy(Sorts.ascending("live"), Sorts.descending("number")))
                .skip((number - 1) * size).limit(size)) {
            out.add(codec.decode(d));
        }
        return out;
    }

    @Override
    public long count() {
        return collection.countDocuments();
    }

    @Override
    public List<Problem> knownErrorsOn(String service, int limit) {
        return problems.find(Filters.and(Filters.eq("service", service),
                Filters.eq("status", ProblemStatus.KNOWN_ERROR.word())), Sorts.descending("number"), limit);
    }

    @Override
    public Set<String> linkedAmong(Collection<String> incidents) {
        Set<String> linked = new HashSet<>();
        if (incidents.isEmpty()) {
            return linked;
        }
        for (Document d : collection.find(Filters.in("incidents.id", incidents)).projection(
                Projections.include("incidents.id"))) {
            for (Document l : d.getList("incidents", Document.class, List.of())) {
                if (incidents.contains(l.getString("id"))) {
                    linked.add(l.getString("id"));
                }
            }
        }
        return linked;
    }

    @Override
    public List<Problem> ownedBy(Actor owner, int limit) {
        return problems.find(Filters.and(Filters.eq("live", 0), Filters.eq("owner.platform", owner.platform().key()),
                Filters.eq("owner.id", owner.id())), Sorts.descending("number"), limit);
    }

    @Override
    public List<Problem> ownerless(int limit) {
        Bson filter = Filters.and(Filters.eq("live", 0), Filters.eq("owner", null));
        return problems.find(filter, Sorts.descending("number"), limit);
    }

    private static final class Codec implements MongoAggregates.Codec<Problem> {
        @Override
        public Document encode(Problem p) {
            List<Document> linked = p.incidents().stream()
                    .map(l -> new Document("id", l.incident()).append("title", l.title())).toList();
            List<Document> actions = p.actions().stream()
                    .map(a -> new Document("number", a.number()).append("text", a.text())
                            .append("owner", MongoActors.encode(a.owner())).append("due", MongoActors.date(a.due())))
                    .toList();
            return new Document("_id", p.id())
                    .append("number", Long.parseLong(p.id().substring(p.id().indexOf('-') + 1)))
                    .append("live", p.status().isLive() ? 0 : 1)
                    .append("statement", p.statement())
                    .append("service", p.service())
                    .append("status", p.status().word())
                    .append("owner", MongoActors.encode(p.owner()))
                    .append("channel", MongoActors.encode(p.channel()))
                    .append("openedBy", MongoActors.encode(p.openedBy()))
                    .append("openedAt", MongoActors.date(p.openedAt()))
                    .append("incidents", linked)
                    .append("rootCause", p.rootCause())
                    .append("workaround", p.workaround())
                    .append("workaroundRevision", p.workaroundRevision())
                    .append("fixChange", p.fixChange())
                    .append("actions", actions)
                    .append("resolvedBy", MongoActors.encode(p.resolvedBy()))
                    .append("resolvedAt", MongoActors.date(p.resolvedAt()))
                    .append("reviewOn", p.reviewOn() == null ? null : p.reviewOn().toString())
                    .append("lastChangeAt", MongoActors.date(p.lastChangeAt()));
        }

        @Override
        public Problem decode(Document d) {
            List<Problem.Linked> linked = d.getList("incidents", Document.class, List.of()).stream()
                    .map(l -> new Problem.Linked(l.getString("id"), l.getString("title"))).toList();
            List<Problem.Action> actions = d.getList("actions", Document.class, List.of()).stream()
                    .map(a -> new Problem.Action(a.getInteger("number", 0), a.getString("text"),
                            MongoActors.decode(a.get("owner", Document.class)), MongoActors.instant(a, "due")))
                    .toList();
            String review = d.getString("reviewOn");
            return new Problem(d.getString("_id"), d.getString("statement"), d.getString("service"),
                    ProblemStatus.parse(d.getString("status")).orElse(ProblemStatus.OPEN),
                    MongoActors.decode(d.get("owner", Document.class)),
                    MongoActors.decodeChannel(d.get("channel", Document.class)),
                    MongoActors.decode(d.get("openedBy", Document.class)), MongoActors.instant(d, "openedAt"),
                    linked, d.getString("rootCause"), d.getString("workaround"), d.getInteger("workaroundRevision", 0),
                    d.getString("fixChange"), actions, MongoActors.decode(d.get("resolvedBy", Document.class)),
                    MongoActors.instant(d, "resolvedAt"), review == null ? null : LocalDate.parse(review),
                    MongoActors.instant(d, "lastChangeAt"));
        }
    }
}
