package dev.opsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MongoCountersTest {

    private static MongoStore store;
    private static Counters counters;

    @BeforeAll
    static void start() {
        store = MongoStore.inMemory();
        counters = new MongoCounters(store.database());
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void eachSequenceCountsFromOneOnItsOwn() {
        assertThat(counters.next("A")).isEqualTo(1);
        assertThat(counters.next("A")).isEqualTo(2);
        assertThat(counters.next("B")).isEqualTo(1);
        assertThat(counters.next("A")).isEqualTo(3);
    }

    @Test
    void concurrentCallersNeverGetTheSameNumberEvenOnAFreshSequence() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    go.await();
                    List<Long> got = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        got.add(counters.next("RACE"));
                    }
                    return got;
                }));
            }
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : results) {
                all.addAll(r.get(30, TimeUnit.SECONDS));
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, threads * each).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
