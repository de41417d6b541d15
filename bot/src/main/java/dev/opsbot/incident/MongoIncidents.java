package dev.opsbot.incident;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.opsbot.store.Counters;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Incidents as one document each, timeline embedded: the working set in {@code incidents}, older
 * finished ones in {@code incidents_archive} under the same {@code _id} and encoding. Everything
 * that touches the archive addresses one document by {@code _id}, the one lookup every store
 * serves from an index, so the archive's size never shows in a command's cost.
 *
 * <p>Both moves keep the incident in at least one collection at every step, so a crash never
 * loses it; while both hold a copy the working set's is the true one ({@link #find} reads it first).
 */
final class MongoIncidents implements Incidents {

    static final String WORKING = "incidents";
    static final String ARCHIVE = "incidents_archive";
    static final MongoAggregates.Codec<Incident> CODEC = new Codec();
    /**
     * Marks a working-set document the archiving routine is copying. Any change replaces the
     * whole document and so drops the mark; deleting by the mark therefore deletes only an
     * unchanged document. The mark has a unique index so that delete is an index lookup too.
     */
    private static final String CLAIM = "archiveClaim";
    /** 0: open and not acknowledged, 1: open, 2: resolved, 3: closed; lists sort on it first. */
    private static final String ATTENTION = "attention";
    private static final int ATTEMPTS = 16;

    private final MongoCollection<Document> working;
    private final MongoCollection<Document> archive;
    private final MongoCollection<Document> counters;
    private final MongoAggregates<Incident> incidents;
    private final Counters numbers;

    MongoIncidents(MongoDatabase db, Counters numbers) {
        this.working = db.getCollection(WORKING);
        this.archive = db.getCollection(ARCHIVE);
        // The numbers behind INC-n come from the "INC" sequence there; history starts at its value.
        this.counters = db.getCollection("counters");
        working.createIndex(Indexes.ascending(ATTENTION, "severity", "declaredAt"));
        working.createIndex(Indexes.ascending("service", ATTENTION));
        working.createIndex(Indexes.ascending("owner.platform", "owner.id", ATTENTION));
        working.createIndex(Indexes.ascending("status", "lastUpdateAt"));
        working.createIndex(Indexes.ascending(CLAIM), new IndexOptions().unique(true).sparse(true));
        this.incidents = new MongoAggregates<>(working, CODEC);
        this.numbers = numbers;
        rankUnranked();
    }

    @Override
    public Incident declare(Function<String, Incident> create) {
        Incident incident = create.apply("INC-" + numbers.next("INC"));
        incidents.insert(incident);
        return incident;
    }

    @Override
    public Optional<Incident> find(String id) {
        return incidents.find(id).or(() -> archived(id).map(CODEC::decode));
    }

    @Override
    public Optional<Change> update(String id, UnaryOperator<Incident> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<MongoAggregates.Change<Incident>> inWorkingSet = incidents.update(id, change);
            if (inWorkingSet.isPresent()) {
                return inWorkingSet.map(c -> new Change(c.before(), c.after()));
            }
            Optional<Document> stored = archived(id);
            if (stored.isEmpty()) {
                // Every move puts the new copy in place before removing the old, so missing from
                // the working set and then from the archive means it never existed.
                return Optional.empty();
            }
            Incident before = CODEC.decode(stored.get());
            Incident after = change.apply(before);
            if (after == before) {
                return Optional.of(new Change(before, after));
            }
            long version = version(stored.get());
            Document next = CODEC.encode(after);
            next.put("version", version + 1);
            if (MongoAggregates.insertIfAbsent(working, next)) {
                dropArchivedCopy(id, version);
                return Optional.of(new Change(before, after));
            }
            // Someone brought it back first: apply the change again to their state.
        }
        throw new IllegalStateException("incident " + id + " kept moving under us; gave up after " + ATTEMPTS
                + " attempts");
    }

    /** Removes the archive's copy once the working set holds a newer one; puts back a copy stored meanwhile. */
    private void dropArchivedCopy(String id, long version) {
        Document removed = archive.findOneAndDelete(Filters.eq("_id", id));
        if (removed != null && version(removed) != version) {
            MongoAggregates.insertIfAbsent(archive, removed);
        }
    }

    @Override
    public Page page(Query q, int number) {
        int size = Math.max(1, q.limit());
        long skip = (long) Math.max(0, number - 1) * size;
        Bson filter = filter(q);
        List<Incident> items = new ArrayList<>();
        FindIterable<Document> found = working.find(filter)
                .sort(Sorts.ascending(ATTENTION, "severity", "declaredAt"))
                .skip((int) Math.min(skip, Integer.MAX_VALUE))
                .limit(size);
        for (Document d : found) {
            items.add(CODEC.decode(d));
        }
        return new Page(items, skip + 1, working.countDocuments(filter));
    }

    @Override
    public long count(Query q) {
        return working.countDocuments(filter(q));
    }

    private static Bson filter(Query q) {
        List<Bson> filters = new ArrayList<>();
        if (q.unacknowledgedOnly()) {
            filters.add(Filters.eq(ATTENTION, 0));
        } else if (q.openOnly()) {
            filters.add(Filters.lt(ATTENTION, 2));
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
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    @Override
    public History history(Query filter, long below, int lookAt) {
        long newest = below > 0 ? Math.min(below - 1, newestNumber()) : newestNumber();
        long n = newest;
        List<Incident> items = new ArrayList<>();
        for (int looked = 0; n >= 1 && looked < lookAt && items.size() < filter.limit(); looked++, n--) {
            find("INC-" + n).filter(filter::matches).ifPresent(items::add);
        }
        return new History(items, newest, n + 1, working.estimatedDocumentCount() + archive.estimatedDocumentCount());
    }

    private long newestNumber() {
        Document counter = counters.find(Filters.eq("_id", "INC")).first();
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }

    @Override
    public int archive(Instant untouchedSince) {
        // A scan of the working set only, which holds open and recent incidents however long the history.
        List<String> candidates = new ArrayList<>();
        Bson finished = Filters.and(Filters.in("status", IncidentStatus.RESOLVED.name(), IncidentStatus.CLOSED.name()),
                Filters.lt("lastUpdateAt", MongoActors.date(untouchedSince)));
        for (Document d : working.find(finished).projection(Projections.include("_id"))) {
            candidates.add(d.getString("_id"));
        }
        int moved = 0;
        for (String id : candidates) {
            if (moveToArchive(id, untouchedSince)) {
                moved++;
            }
        }
        return moved;
    }

    /** Copy into the archive, then delete from the working set only if nobody changed it meanwhile. */
    private boolean moveToArchive(String id, Instant untouchedSince) {
        String claim = UUID.randomUUID().toString();
        Document claimed = working.findOneAndUpdate(Filters.eq("_id", id), Updates.set(CLAIM, claim),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            return false;
        }
        if (!archivable(CODEC.decode(claimed), untouchedSince)) {
            working.updateOne(Filters.eq("_id", id), Updates.unset(CLAIM));
            return false;
        }
        claimed.remove(CLAIM);
        // Replace, not insert: a copy left by an interrupted earlier move may be older than this one.
        archive.replaceOne(Filters.eq("_id", id), claimed, new ReplaceOptions().upsert(true));
        if (working.findOneAndDelete(Filters.eq(CLAIM, claim)) != null) {
            return true;
        }
        // Changed since the claim: the working copy stands, and the copy just made is stale.
        archive.deleteOne(Filters.eq("_id", id));
        return false;
    }

    static boolean archivable(Incident i, Instant untouchedSince) {
        return !i.isOpen() && i.lastUpdateAt().isBefore(untouchedSince);
    }

    /** Documents written before lists sorted on attention get it once; later writes always carry it. */
    private void rankUnranked() {
        for (Document d : working.find(Filters.exists(ATTENTION, false))
                .projection(Projections.include("status", "acknowledgedBy"))) {
            IncidentStatus status = IncidentStatus.valueOf(d.getString("status"));
            working.updateOne(Filters.eq("_id", d.get("_id")),
                    Updates.set(ATTENTION, attention(status, d.get("acknowledgedBy") != null)));
        }
    }

    private Optional<Document> archived(String id) {
        return Optional.ofNullable(archive.find(Filters.eq("_id", id)).first());
    }

    private static long version(Document d) {
        return ((Number) d.getOrDefault("version", 0L)).longValue();
    }

    static int attention(IncidentStatus status, boolean acknowledged) {
        return switch (status) {
            case DECLARED, ACKNOWLEDGED, MITIGATED -> acknowledged ? 1 : 0;
            case RESOLVED -> 2;
            case CLOSED -> 3;
        };
    }

    private static final class Codec implements MongoAggregates.Codec<Incident> {
        @Override
        public Document encode(Incident i) {
            return new Document("_id", i.id())
                    .append("title", i.title())
                    .append("severity", i.severity().name())
                    .append("status", i.status().name())
                    .append(ATTENTION, attention(i.status(), i.acknowledgedBy() != null))
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
