package dev.opsbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two bot instances sharing one database, firing at the same moment from two threads. */
class TwoInstancesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    private final MongoStore store = MongoStore.inMemory();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void everyDueItemRunsOnceAcrossBothInstances() throws Exception {
        RecordingHandler first = new RecordingHandler("remind");
        RecordingHandler second = new RecordingHandler("remind");
        DueItems a = DueItems.inMongo(store.database(), new MongoCounters(store.database()), DueHandlers.of(List.of(first)));
        DueItems b = DueItems.inMongo(store.database(), new MongoCounters(store.database()), DueHandlers.of(List.of(second)));
        for (int i = 0; i < 40; i++) {
            a.schedule(new DueItem("item-" + i, "remind", "INC-" + i, T0.plusSeconds(i), Map.of()));
        }

        List<Integer> counts = both(() -> a.fireDue(T0.plusSeconds(60)), () -> b.fireDue(T0.plusSeconds(60)));

        List<String> all = new CopyOnWriteArrayList<>(first.firedIds());
        all.addAll(second.firedIds());
        assertThat(all).hasSize(40).doesNotHaveDuplicates();
        assertThat(counts.get(0) + counts.get(1)).isEqualTo(40);
        assertThat(a.pending(null, 100)).isEmpty();
    }

    @Test
    void aRoutineFireOfferedToBothInstancesRunsOnce() throws Exception {
        List<Instant> runs = new CopyOnWriteArrayList<>();
        Routine digest = new Routine("digest", "0 0 9 * * ?", ZoneOffset.UTC, runs::add);
        RoutineRunner a = new RoutineRunner(RoutineFires.inMongo(store.database()));
        RoutineRunner b = new RoutineRunner(RoutineFires.inMongo(store.database()));

        for (int day = 0; day < 5; day++) {
            Instant at = T0.plusSeconds(86_400L * day);
            List<Boolean> ran = both(() -> a.fire(digest, at), () -> b.fire(digest, at));
            assertThat(ran).containsExactlyInAnyOrder(true, false);
        }
        assertThat(runs).hasSize(5).doesNotHaveDuplicates();
    }

    private <T> List<T> both(Callable<T> one, Callable<T> two) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<T> x = pool.submit(() -> {
            start.await(5, TimeUnit.SECONDS);
            return one.call();
        });
        Future<T> y = pool.submit(() -> {
            start.await(5, TimeUnit.SECONDS);
            return two.call();
        });
        return List.of(x.get(20, TimeUnit.SECONDS), y.get(20, TimeUnit.SECONDS));
    }
}
