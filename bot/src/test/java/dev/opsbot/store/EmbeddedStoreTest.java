package dev.opsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded store promises: durable answers, and no command waiting for another's collection. */
class EmbeddedStoreTest {

    @TempDir
    Path dir;

    /** The file as a crash would leave it: copied while the store is still open. */
    private Path crashCopy(String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        Files.copy(dir.resolve("live/opsbot.mv"), copy.resolve("opsbot.mv"));
        return copy;
    }

    @Test
    void everyAnsweredWriteIsInTheFileBeforeTheAnswer() throws Exception {
        try (MongoStore store = MongoStore.embedded(dir.resolve("live"))) {
            MongoCollection<Document> notes = store.database().getCollection("notes");
            for (int i = 0; i < 50; i++) {
                notes.insertOne(new Document("_id", "n" + i));
            }
            notes.updateOne(Filters.eq("_id", "n49"), new Document("$set", new Document("seen", true)));
            Path copy = crashCopy("crashed");

            try (MongoStore reopened = MongoStore.embedded(copy)) {
                MongoCollection<Document> after = reopened.database().getCollection("notes");
                assertThat(after.countDocuments()).isEqualTo(50);
                assertThat(after.find(Filters.eq("_id", "n49")).first().getBoolean("seen")).isTrue();
            }
        }
    }

    @Test
    void aNumberHandedOutIsNeverHandedOutAgainAfterACrash() throws Exception {
        try (MongoStore store = MongoStore.embedded(dir.resolve("live"))) {
            Counters counters = new MongoCounters(store.database());
            assertThat(List.of(counters.next("INC"), counters.next("INC"), counters.next("INC")))
                    .containsExactly(1L, 2L, 3L);
            Path copy = crashCopy("crashed");

            try (MongoStore reopened = MongoStore.embedded(copy)) {
                assertThat(new MongoCounters(reopened.database()).next("INC")).isEqualTo(4);
            }
        }
    }

    @Test
    void realMongoDbAcknowledgesOnlyMajorityJournaledWritesUnlessTheUriSaysOtherwise() {
        try (MongoStore store = MongoStore.connect("mongodb://127.0.0.1:9/opsbot")) {
            assertThat(store.database().getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
        }
        try (MongoStore store = MongoStore.connect("mongodb://127.0.0.1:9/opsbot?w=1")) {
            assertThat(store.database().getWriteConcern()).isEqualTo(WriteConcern.W1);
        }
    }

    private static MongoStore memory;
    private static MongoCollection<Document> big;

    /** A collection big enough that reading all of it takes far longer than a lookup by id. */
    @BeforeAll
    static void seedBigCollection() {
        memory = MongoStore.inMemory();
        big = memory.database().getCollection("big");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            batch.add(new Document("_id", "b" + i).append("n", i).append("text", "some words " + i)
                    .append("version", 0L));
            if (batch.size() == 2_000) {
                big.insertMany(batch);
                batch.clear();
            }
        }
    }

    @AfterAll
    static void stop() {
        memory.close();
    }

    /** Reads every document and sorts them all: what a query the server cannot narrow costs. */
    private static long scanMillis(MongoCollection<Document> big) {
        long start = System.nanoTime();
        big.find(Filters.ne("text", "none")).sort(Sorts.descending("text")).limit(1).first();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aSlowQueryDoesNotHoldUpWritesToOtherCollections() throws Exception {
        MongoCollection<Document> other = memory.database().getCollection("other");
        other.insertOne(new Document("_id", "warm"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch scanning = new CountDownLatch(1);
            Future<Long> scan = pool.submit(() -> {
                scanning.countDown();
                return scanMillis(big);
            });
            scanning.await();
            int during = 0;
            while (!scan.isDone()) {
                other.insertOne(new Document("n", during));
                if (!scan.isDone()) {
                    during++;
                }
            }
            long scanned = scan.get(60, TimeUnit.SECONDS);
            // With one connection (or one lock for everything) no insert could finish during the scan.
            assertThat(during).as("inserts answered during a %d ms scan", scanned).isGreaterThanOrEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aVersionedReplaceIsAnIdLookupNotAScan() {
        long scan = Math.min(scanMillis(big), scanMillis(big));
        long start = System.nanoTime();
        int updates = 20;
        for (int i = 0; i < updates; i++) {
            long matched = big.replaceOne(Filters.and(Filters.eq("_id", "b777"), Filters.eq("version", (long) i)),
                    new Document("n", 777).append("version", i + 1L)).getMatchedCount();
            assertThat(matched).isEqualTo(1);
        }
        long perUpdate = (System.nanoTime() - start) / 1_000_000 / updates;
        assertThat(perUpdate).as("ms per versioned replace, against %d ms for a scan", scan)
                .isLessThan(Math.max(1, scan / 5));

        assertThat(big.replaceOne(Filters.and(Filters.eq("_id", "b777"), Filters.eq("version", 3L)),
                new Document("n", -1)).getMatchedCount()).as("a stale version matches nothing").isZero();
        assertThat(big.find(Filters.eq("_id", "b777")).first().getLong("version")).isEqualTo(updates);
    }

    @Test
    void nonUniqueIndexesAreDeclaredWithoutReadingTheCollection() {
        long scan = Math.min(scanMillis(big), scanMillis(big));
        // Earlier tests in the same JVM leave garbage; collect it now rather than inside the timed call.
        System.gc();
        long start = System.nanoTime();
        big.createIndex(Indexes.ascending("text", "n"));
        long took = (System.nanoTime() - start) / 1_000_000;

        assertThat(took).as("ms to declare an index, against %d ms for a scan", scan).isLessThan(Math.max(1, scan / 5));
        assertThat(big.listIndexes().map(i -> i.getString("name")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("_id_", "text_1_n_1");
    }

    @Test
    void concurrentVersionedUpdatesOnSeveralConnectionsLoseNothing() throws Exception {
        record Tally(String id, int count) {
        }
        MongoAggregates.Codec<Tally> codec = new MongoAggregates.Codec<>() {
            @Override
            public Document encode(Tally t) {
                return new Document("_id", t.id()).append("count", t.count());
            }

            @Override
            public Tally decode(Document d) {
                return new Tally(d.getString("_id"), d.getInteger("count"));
            }
        };
        try (MongoStore store = MongoStore.inMemory()) {
            MongoAggregates<Tally> tallies = new MongoAggregates<>(store.database().getCollection("tallies"), codec);
            tallies.insert(new Tally("t", 0));
            int threads = MongoStore.CONNECTIONS;
            int each = 20;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<CompletableFuture<Void>> all = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    all.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < each; i++) {
                            tallies.update("t", x -> new Tally(x.id(), x.count() + 1));
                        }
                    }, pool));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(tallies.find("t").orElseThrow().count()).isEqualTo(threads * each);
        }
    }
}
