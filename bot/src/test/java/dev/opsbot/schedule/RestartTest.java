package dev.opsbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot stops and starts again on the same H2 file: nothing scheduled is lost or doubled. */
class RestartTest {

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    @TempDir
    Path data;

    @Test
    void aReminderScheduledBeforeARestartFiresOnceAfterIt() {
        try (MongoStore before = MongoStore.embedded(data)) {
            DueItems due = DueItems.inMongo(before.database(), new MongoCounters(before.database()),
                    DueHandlers.of(List.of(new RecordingHandler("remind"))));
            due.schedule(new DueItem("remind:INC-1", "remind", "INC-1", T0.plusSeconds(60), Map.of("who", "alice")));
            assertThat(due.fireDue(T0)).isZero();
        }

        RecordingHandler after = new RecordingHandler("remind");
        try (MongoStore again = MongoStore.embedded(data)) {
            DueItems due = DueItems.inMongo(again.database(), new MongoCounters(again.database()),
                    DueHandlers.of(List.of(after)));
            assertThat(due.nextDue()).contains(T0.plusSeconds(60));
            assertThat(due.fireDue(T0.plusSeconds(61))).isEqualTo(1);
            assertThat(due.fireDue(T0.plusSeconds(120))).isZero();
        }
        assertThat(after.fired()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("remind:INC-1");
            assertThat(item.data()).containsEntry("who", "alice");
        });

        try (MongoStore third = MongoStore.embedded(data)) {
            DueItems due = DueItems.inMongo(third.database(), new MongoCounters(third.database()),
                    DueHandlers.of(List.of(after)));
            assertThat(due.fireDue(T0.plusSeconds(3600))).isZero();
        }
        assertThat(after.fired()).hasSize(1);
    }

    @Test
    void aRoutineMissedWhileDownRunsOnceAtStartNotOncePerMissedHour() {
        Routine hourly = new Routine("hourly-audit", "0 0 * * * ?", ZoneOffset.UTC, at -> { });
        try (MongoStore before = MongoStore.embedded(data)) {
            assertThat(new RoutineRunner(RoutineFires.inMongo(before.database())).fire(hourly, T0)).isTrue();
        }

        List<Instant> runs = new ArrayList<>();
        Routine same = new Routine("hourly-audit", hourly.cron(), hourly.zone(), runs::add);
        Instant now = T0.plusSeconds(5 * 3600 + 1800);
        try (MongoStore again = MongoStore.embedded(data)) {
            RoutineRunner runner = new RoutineRunner(RoutineFires.inMongo(again.database()));
            assertThat(runner.catchUp(same, now, RestartTest::nextHour)).contains(T0.plusSeconds(5 * 3600));
            assertThat(runner.catchUp(same, now, RestartTest::nextHour)).isEmpty();
            assertThat(runner.fire(same, T0.plusSeconds(5 * 3600))).isFalse();
            assertThat(runner.fire(same, T0.plusSeconds(6 * 3600))).isTrue();
        }
        assertThat(runs).containsExactly(T0.plusSeconds(5 * 3600), T0.plusSeconds(6 * 3600));
    }

    static Instant nextHour(Instant after) {
        return after.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3600);
    }
}
