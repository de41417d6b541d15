package dev.opsbot.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.store.MongoStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "A follow-up scheduled a minute ahead, with the app restarted in between, pings exactly once." */
class FollowUpRestartTest {

    @TempDir
    Path data;

    @Test
    void aFollowUpDueAMinuteAheadPingsOnceAcrossARestart() {
        Instant declaredAt;
        try (ClockedCore first = new ClockedCore(MongoStore.embedded(data), ZoneId.of("UTC"), List.of())) {
            first.run("alice", "/incident declare sev1 checkout down");
            first.run("alice", "/followup snooze FU-1 1m");
            declaredAt = first.clock().instant();
            first.tick(Duration.ofSeconds(30));
            assertThat(first.inOps()).isEmpty();
        }

        try (ClockedCore second = new ClockedCore(MongoStore.embedded(data), ZoneId.of("UTC"), List.of())) {
            second.at(declaredAt.plus(Duration.ofSeconds(90)));
            second.tick();
            second.tick();
            second.tick(Duration.ofSeconds(30));

            assertThat(second.opsTexts()).singleElement().asString().contains("Reminder: INC-1 · sev1 · checkout down");
            assertThat(second.run("alice", "/followup list").plainText()).contains("FU-1", "overdue for");
        }
    }
}
