package dev.opsbot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.opsbot.chat.Actor;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.MongoAuditLog;
import dev.opsbot.store.MongoStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class MongoAuditTrailTest {

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    /** Every filter the store was asked to match on audit_index. */
    private final List<BsonDocument> indexFilters = new CopyOnWriteArrayList<>();

    private MongoStore store() {
        return MongoStore.inMemory(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument c = event.getCommand();
                String name = event.getCommandName();
                if (!c.containsKey(name) || !c.get(name).isString() || !c.getString(name).getValue().equals("audit_index")) {
                    return;
                }
                switch (name) {
                    case "find" -> indexFilters.add(c.getDocument("filter").clone());
                    case "findAndModify" -> indexFilters.add(c.getDocument("query").clone());
                    case "update" -> c.getArray("updates").forEach(u -> indexFilters.add(u.asDocument().getDocument("q").clone()));
                    case "insert" -> c.getArray("documents")
                            .forEach(d -> indexFilters.add(new BsonDocument("_id",
                                    new org.bson.BsonString(d.asDocument().getString("_id").getValue()))));
                    default -> indexFilters.add(new BsonDocument("unexpected", c));
                }
            }
        });
    }

    @Test
    void pagesComeNewestFirstAcrossBucketsAndEveryReadIsByIdOnly() {
        try (MongoStore store = store()) {
            IndexedAuditLog log = new IndexedAuditLog(new MongoAuditLog(store.database()),
                    AuditTrail.inMongo(store.database()));
            AuditTrail trail = AuditTrail.inMongo(store.database());
            int count = 45; // two full buckets and part of a third, so a page spans two buckets
            for (int i = 1; i <= count; i++) {
                Actor who = Actor.console(i % 2 == 0 ? "bob" : "carol");
                log.append(new AuditEntry(T0.plusSeconds(i), who, "incident.update", "INC-7", "", "note " + i));
                log.append(new AuditEntry(T0.plusSeconds(i), who, "service.add", "svc-" + i, "", ""));
            }

            AuditTrail.Page first = trail.page(AuditTrail.itemKey("inc-7"), 1, 10);
            AuditTrail.Page last = trail.page(AuditTrail.itemKey("INC-7"), 5, 10);
            AuditTrail.Page beyond = trail.page(AuditTrail.itemKey("INC-7"), 6, 10);
            AuditTrail.Page bob = trail.page(AuditTrail.actorKey(Actor.console("bob")), 1, 3);

            assertThat(first.total()).isEqualTo(count);
            assertThat(first.pages(10)).isEqualTo(5);
            assertThat(first.entries()).extracting(AuditEntry::after)
                    .containsExactly("note 45", "note 44", "note 43", "note 42", "note 41",
                            "note 40", "note 39", "note 38", "note 37", "note 36");
            assertThat(last.entries()).extracting(AuditEntry::after)
                    .containsExactly("note 5", "note 4", "note 3", "note 2", "note 1");
            assertThat(beyond.entries()).isEmpty();
            assertThat(bob.total()).isEqualTo(44);
            assertThat(bob.entries()).extracting(AuditEntry::item).containsExactly("svc-44", "INC-7", "svc-42");
            assertThat(trail.page(AuditTrail.itemKey("INC-8"), 1, 10).entries()).isEmpty();

            assertThat(indexFilters).isNotEmpty()
                    .allSatisfy(filter -> assertThat(filter.keySet()).containsExactly("_id"))
                    .allSatisfy(filter -> assertThat(filter.get("_id").isString()).isTrue());
        }
    }

    @Test
    void aBucketACrashKeptFromBeingSealedIsSealedByTheNextFilingThatFillsOne() {
        try (MongoStore store = store()) {
            AuditTrail trail = AuditTrail.inMongo(store.database());
            int bucket = MongoAuditTrail.BUCKET;
            for (int i = 1; i <= 2 * bucket; i++) {
                trail.file(new AuditEntry(T0.plusSeconds(i), null, "incident.update", "INC-7", "", "note " + i));
            }
            // As if the process died after filing entry 2 × BUCKET but before sealing its bucket.
            store.database().getCollection("audit_index").deleteOne(new org.bson.Document("_id", "item:inc-7#1"));
            for (int i = 2 * bucket + 1; i <= 5 * bucket; i++) {
                trail.file(new AuditEntry(T0.plusSeconds(i), null, "incident.update", "INC-7", "", "note " + i));
            }

            // Entries 21-40 are older than what the head keeps, so they come from the re-sealed bucket.
            AuditTrail.Page page = trail.page(AuditTrail.itemKey("INC-7"), 7, 5);

            assertThat(page.total()).isEqualTo(5L * bucket);
            assertThat(page.entries()).extracting(AuditEntry::after)
                    .containsExactly("note 70", "note 69", "note 68", "note 67", "note 66");
            assertThat(trail.page(AuditTrail.itemKey("INC-7"), 16, 5).entries()).extracting(AuditEntry::after)
                    .containsExactly("note 25", "note 24", "note 23", "note 22", "note 21");
        }
    }
}
