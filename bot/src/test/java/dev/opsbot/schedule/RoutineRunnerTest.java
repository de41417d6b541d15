package dev.opsbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.store.MongoStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutineRunnerTest {

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    private final MongoStore store = MongoStore.inMemory();
    private final RoutineRunner runner = new RoutineRunner(RoutineFires.inMongo(store.database()));
    private final List<Instant> runs = new ArrayList<>();

    @AfterEach
    void stop() {
        store.close();
    }

    private Routine routine(String name) {
        return new Routine(name, "unused by the runner", ZoneOffset.UTC, runs::add);
    }

    @Test
    void aNewRoutineDoesNotCatchUpButStartsWithItsNextTime() {
        Routine r = routine("new");
        assertThat(runner.catchUp(r, T0.plusSeconds(1800), RestartTest::nextHour)).isEmpty();
        assertThat(runs).isEmpty();
        assertThat(runner.fire(r, T0.plusSeconds(3600))).isTrue();
        assertThat(runs).containsExactly(T0.plusSeconds(3600));
    }

    @Test
    void nothingToCatchUpWhenTheLastFireWasTheLatestDue() {
        Routine r = routine("steady");
        runner.fire(r, T0);
        assertThat(runner.catchUp(r, T0.plusSeconds(3599), RestartTest::nextHour)).isEmpty();
        assertThat(runs).containsExactly(T0);
    }

    @Test
    void aLongOutageOfAMinutelyRoutineCatchesUpOnceWithTheLatestMinute() {
        Routine r = routine("minutely");
        runner.fire(r, T0);
        Instant now = T0.plus(90, ChronoUnit.DAYS).plusSeconds(30);
        assertThat(runner.catchUp(r, now, t -> t.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60)))
                .contains(now.truncatedTo(ChronoUnit.MINUTES));
        assertThat(runs).hasSize(2);
    }

    @Test
    void aWeeklyRoutineMissedWeeksAgoStillCatchesUpOnce() {
        Routine r = routine("weekly");
        runner.fire(r, T0);
        Instant now = T0.plus(23, ChronoUnit.DAYS);
        assertThat(runner.catchUp(r, now, t -> T0.plus(((t.getEpochSecond() - T0.getEpochSecond()) / 604_800 + 1) * 7,
                ChronoUnit.DAYS))).contains(T0.plus(21, ChronoUnit.DAYS));
        assertThat(runs).containsExactly(T0, T0.plus(21, ChronoUnit.DAYS));
    }

    @Test
    void aFailingRoutineIsLoggedAndItsTimeStillCounts() {
        Routine broken = new Routine("broken", "x", ZoneOffset.UTC, at -> {
            throw new IllegalStateException("boom");
        });
        assertThat(runner.fire(broken, T0)).isTrue();
        assertThat(runner.fire(broken, T0)).isFalse();
    }

    @Test
    void anOlderTimeThanTheMarkIsNeverRunAgain() {
        Routine r = routine("ordered");
        runner.fire(r, T0.plusSeconds(7200));
        assertThat(runner.fire(r, T0.plusSeconds(3600))).isFalse();
        assertThat(runs).containsExactly(T0.plusSeconds(7200));
    }
}
