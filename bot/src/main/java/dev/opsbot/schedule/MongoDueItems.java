package dev.opsbot.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.opsbot.store.Counters;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Due items as one document each in {@code due_items}, keyed by the item's id. {@code dueAt} is
 * when the item is due; {@code nextAttemptAt} is when an instance may next claim it. Claiming
 * moves {@code nextAttemptAt} a lease ahead and stamps a claim token in one findOneAndUpdate, so
 * only one instance runs a fire, and an instance that dies mid-fire leaves the item to be claimed
 * again once the lease runs out. Done items are deleted rather than marked: the outbox and the
 * audit log already say what happened, and a deleted id can simply be scheduled again (a digest's
 * next post, a second review reminder) without a "done" state to reason about.
 */
final class MongoDueItems implements DueItems {

    private static final Logger log = LoggerFactory.getLogger(MongoDueItems.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY = Duration.ofHours(1);
    // A handler that keeps rescheduling its own item into the past must not pin this loop.
    private static final int MAX_FIRES_PER_CALL = 1000;

    private final MongoCollection<Document> items;
    private final Counters counters;
    private final DueHandlers handlers;
    private volatile Consumer<Instant> wake = at -> { };

    MongoDueItems(MongoDatabase db, Counters counters, DueHandlers handlers) {
        this.items = db.getCollection("due_items");
        items.createIndex(Indexes.ascending("nextAttemptAt"));
        items.createIndex(Indexes.ascending("subject", "kind"));
        items.createIndex(Indexes.ascending("ref"));
        items.createIndex(Indexes.ascending("data." + DueItem.OWNER, "dueAt"));
        this.counters = counters;
        this.handlers = handlers;
    }

    @Override
    public void onSchedule(Consumer<Instant> wake) {
        this.wake = wake;
    }

    @Override
    public void schedule(DueItem item) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (reschedule(item) || insert(item)) {
                return;
            }
        }
        throw new IllegalStateException("due item " + item.id() + " kept appearing and vanishing; not scheduled");
    }

    @Override
    public boolean reschedule(DueItem item) {
        // Clearing the claim means a fire in progress cannot delete the new time when it ends.
        Bson reset = Updates.combine(
                Updates.set("kind", item.kind()),
                Updates.set("subject", item.subject()),
                Updates.set("dueAt", Date.from(item.dueAt())),
                Updates.set("nextAttemptAt", Date.from(item.dueAt())),
                Updates.set("data", new Document(new LinkedHashMap<>(item.data()))),
                Updates.set("attempts", 0),
                Updates.unset("claim"),
                Updates.unset("lastError"));
        Document stored = items.findOneAndUpdate(Filters.eq("_id", item.id()), reset,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (stored == null) {
            return false;
        }
        if (item.isFollowUp() && stored.getString("ref") == null) {
            items.updateOne(Filters.and(Filters.eq("_id", item.id()), Filters.eq("ref", null)),
                    Updates.set("ref", nextRef()));
        }
        wake.accept(item.dueAt());
        return true;
    }

    @Override
    public boolean moveTo(String id, Instant at) {
        long matched = items.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("dueAt", Date.from(at)),
                Updates.set("nextAttemptAt", Date.from(at)),
                Updates.set("attempts", 0),
                Updates.unset("claim"),
                Updates.unset("lastError"))).getMatchedCount();
        if (matched == 1) {
            wake.accept(at);
        }
        return matched == 1;
    }

    private boolean insert(DueItem item) {
        Document doc = new Document("_id", item.id())
                .append("kind", item.kind())
                .append("subject", item.subject())
                .append("dueAt", Date.from(item.dueAt()))
                .append("nextAttemptAt", Date.from(item.dueAt()))
                .append("data", new Document(new LinkedHashMap<>(item.data())))
                .append("attempts", 0);
        if (item.isFollowUp()) {
            doc.append("ref", nextRef());
        }
        if (!MongoAggregates.insertIfAbsent(items, doc)) {
            return false;
        }
        wake.accept(item.dueAt());
        return true;
    }

    private String nextRef() {
        return "FU-" + counters.next("FU");
    }

    @Override
    public int reassign(String subject, String fromOwnerKey, String toOwnerKey) {
        // Only the owner field changes: a fire in progress keeps its claim and its time.
        return (int) items.updateMany(Filters.and(Filters.eq("subject", subject),
                        Filters.eq("data." + DueItem.OWNER, fromOwnerKey)),
                Updates.set("data." + DueItem.OWNER, toOwnerKey)).getModifiedCount();
    }

    @Override
    public void cancel(String id) {
        items.deleteOne(Filters.eq("_id", id));
    }

    @Override
    public void cancelAbout(String subject, String kind) {
        items.deleteMany(kind == null ? Filters.eq("subject", subject)
                : Filters.and(Filters.eq("subject", subject), Filters.eq("kind", kind)));
    }

    @Override
    public Optional<DueItem> find(String id) {
        return Optional.ofNullable(items.find(Filters.eq("_id", id)).first()).map(MongoDueItems::decode);
    }

    @Override
    public Optional<DueItem> findByRef(String ref) {
        return Optional.ofNullable(items.find(Filters.eq("ref", ref)).first()).map(MongoDueItems::decode);
    }

    @Override
    public List<DueItem> pending(String subject, int limit) {
        return list(subject == null ? new Document() : Filters.eq("subject", subject), limit);
    }

    @Override
    public List<DueItem> followUps(String ownerKey, int limit) {
        Bson labelled = Filters.exists("data." + DueItem.LABEL);
        return list(ownerKey == null ? labelled
                : Filters.and(labelled, Filters.eq("data." + DueItem.OWNER, ownerKey)), limit);
    }

    private List<DueItem> list(Bson filter, int limit) {
        List<DueItem> out = new ArrayList<>();
        for (Document d : items.find(filter).sort(Sorts.ascending("dueAt")).limit(Math.max(0, limit))) {
            out.add(decode(d));
        }
        return out;
    }

    @Override
    public int fireDue(Instant now) {
        Set<String> kinds = handlers.kinds();
        if (kinds.isEmpty()) {
            return 0;
        }
        int ran = 0;
        for (int i = 0; i < MAX_FIRES_PER_CALL; i++) {
            String claim = UUID.randomUUID().toString();
            Document claimed = items.findOneAndUpdate(
                    Filters.and(Filters.lte("nextAttemptAt", Date.from(now)), Filters.in("kind", kinds)),
                    Updates.combine(Updates.set("nextAttemptAt", Date.from(now.plus(LEASE))),
                            Updates.set("claim", claim), Updates.inc("attempts", 1)),
                    new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
                            .returnDocument(ReturnDocument.AFTER));
            if (claimed == null) {
                return ran;
            }
            run(decode(claimed), claimed.getInteger("attempts", 1), claim, now);
            ran++;
        }
        log.warn("stopped after {} due items in one pass; the rest run on the next tick", MAX_FIRES_PER_CALL);
        return ran;
    }

    private void run(DueItem item, int attempts, String claim, Instant now) {
        Bson mine = Filters.and(Filters.eq("_id", item.id()), Filters.eq("claim", claim));
        try {
            handlers.forKind(item.kind()).orElseThrow(
                    () -> new IllegalStateException("no handler for kind " + item.kind())).fire(item, now);
            items.deleteOne(mine);
        } catch (RuntimeException failure) {
            Duration wait = backoff(attempts);
            log.warn("due item {} ({}) failed on attempt {}; retrying in {}", item.id(), item.kind(), attempts, wait,
                    failure);
            items.updateOne(mine, Updates.combine(Updates.set("nextAttemptAt", Date.from(now.plus(wait))),
                    Updates.set("lastError", failure.toString()), Updates.unset("claim")));
        }
    }

    /** 30s, 1m, 2m, … capped at an hour: a broken handler is retried, never dropped. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 12));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    @Override
    public Optional<Instant> nextDue() {
        Set<String> kinds = handlers.kinds();
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        Document next = items.find(Filters.in("kind", kinds)).sort(Sorts.ascending("nextAttemptAt")).first();
        return Optional.ofNullable(next).map(d -> MongoActors.instant(d, "nextAttemptAt"));
    }

    private static DueItem decode(Document d) {
        Map<String, String> data = new LinkedHashMap<>();
        Document stored = d.get("data", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> data.put(k, String.valueOf(v)));
        }
        return new DueItem(d.getString("_id"), d.getString("kind"), d.getString("subject"),
                MongoActors.instant(d, "dueAt"), data, d.getString("ref"));
    }
}
