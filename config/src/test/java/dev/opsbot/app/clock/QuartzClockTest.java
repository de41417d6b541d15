package dev.opsbot.app.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueHandlers;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.schedule.Routine;
import dev.opsbot.schedule.RoutineFires;
import dev.opsbot.schedule.RoutineRunner;
import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The trigger path on a real Quartz scheduler and wall time, bounded to a few seconds: a due item
 * fires from its wake trigger (the poll is set far beyond the test), a routine fires from its cron
 * trigger, and a routine missed while down catches up once at start.
 */
class QuartzClockTest {

    private final MongoStore store = MongoStore.inMemory();
    private final DueHandlers handlers = new DueHandlers();
    private final DueItems due = DueItems.inMongo(store.database(), new MongoCounters(store.database()), handlers);
    private final RoutineRunner runner = new RoutineRunner(RoutineFires.inMongo(store.database()));
    private final Scheduler scheduler = scheduler();
    private QuartzClock clock;

    @AfterEach
    void stop() throws Exception {
        if (clock != null) {
            clock.stop();
        }
        scheduler.shutdown(true);
        store.close();
    }

    private static Scheduler scheduler() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "clock-test-" + UUID.randomUUID());
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            return new StdSchedulerFactory(p).getScheduler();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDueItemFiresFromItsWakeTriggerEvenWhenSomethingLaterWasScheduledFirst() throws Exception {
        List<Instant> firedAt = new CopyOnWriteArrayList<>();
        CountDownLatch fired = new CountDownLatch(1);
        handlers.register(handler("ping", (item, now) -> {
            firedAt.add(now);
            fired.countDown();
        }));
        clock = new QuartzClock(scheduler, due, runner, List.of(), Clock.systemUTC(), Duration.ofHours(1));
        scheduler.start();
        clock.start();

        due.schedule(new DueItem("later", "ping", "x", Instant.now().plus(Duration.ofHours(1)), Map.of()));
        // The store keeps milliseconds, so the item is due at the millisecond it was stored with.
        Instant dueAt = Instant.now().plusMillis(1200).truncatedTo(ChronoUnit.MILLIS);
        due.schedule(new DueItem("soon", "ping", "x", dueAt, Map.of()));

        assertThat(fired.await(5, TimeUnit.SECONDS)).as("the due item fired through Quartz").isTrue();
        assertThat(firedAt.get(0)).isAfterOrEqualTo(dueAt);
        scheduler.shutdown(true);
        assertThat(due.pending(null, 10)).extracting(DueItem::id).containsExactly("later");
        assertThat(firedAt).hasSize(1);
    }

    @Test
    void aRoutineFiresOnItsCronAndAMissedRunCatchesUpOnceAtStart() throws Exception {
        List<Instant> everySecond = new CopyOnWriteArrayList<>();
        CountDownLatch ticked = new CountDownLatch(2);
        Routine ticker = new Routine("ticker", "* * * * * ?", ZoneOffset.UTC, at -> {
            everySecond.add(at);
            ticked.countDown();
        });
        List<Instant> hourly = new CopyOnWriteArrayList<>();
        CountDownLatch caughtUp = new CountDownLatch(1);
        Routine audit = new Routine("audit", "0 0 * * * ?", ZoneOffset.UTC, at -> {
            hourly.add(at);
            caughtUp.countDown();
        });
        Instant lastHour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        runner.fire(new Routine("audit", audit.cron(), audit.zone(), at -> { }), lastHour.minus(Duration.ofHours(3)));

        clock = new QuartzClock(scheduler, due, runner, List.of(ticker, audit), Clock.systemUTC(), Duration.ofHours(1));
        scheduler.start();
        clock.start();

        assertThat(caughtUp.await(5, TimeUnit.SECONDS)).as("the missed hourly run caught up").isTrue();
        assertThat(ticked.await(5, TimeUnit.SECONDS)).as("the every-second routine ticked twice").isTrue();
        assertThat(hourly).containsExactly(lastHour);
        assertThat(everySecond).allSatisfy(at -> assertThat(at.getNano()).isZero()).doesNotHaveDuplicates();
    }

    @Test
    void aBadCronIsRefusedAtStartupWithTheRoutinesName() {
        Routine broken = new Routine("broken", "every day at nine", ZoneOffset.UTC, at -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new QuartzClock(scheduler, due, runner, List.of(broken), Clock.systemUTC(), Duration.ofHours(1)))
                .hasMessageContaining("routine broken has a bad cron expression");
    }

    @Test
    void nextAfterReadsTheCronInTheRoutinesZone() {
        Routine nineInLondon = new Routine("nine", "0 0 9 ? * MON-FRI", java.time.ZoneId.of("Europe/London"), at -> { });
        // Friday 27 November 2026, 12:00 UTC: the next weekday 09:00 in London is Monday.
        assertThat(QuartzClock.nextAfter(nineInLondon).apply(Instant.parse("2026-11-27T12:00:00Z")))
                .isEqualTo("2026-11-30T09:00:00Z");
        assertThat(QuartzClock.nextAfter(nineInLondon).apply(Instant.parse("2027-06-01T12:00:00Z")))
                .isEqualTo("2027-06-02T08:00:00Z");
    }

    private static DueHandler handler(String kind, java.util.function.BiConsumer<DueItem, Instant> fire) {
        return new DueHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void fire(DueItem item, Instant now) {
                fire.accept(item, now);
            }
        };
    }
}
