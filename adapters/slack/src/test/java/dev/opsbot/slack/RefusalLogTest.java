package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.RefusalLog;
import dev.opsbot.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Refusals are logged up to a budget a minute; the rest are counted and summed up in one line. */
class RefusalLogTest {

    @Test
    void overTheBudgetRefusalsAreCountedAndReportedOnceTheNextMinuteBegins() {
        MutableClock clock = MutableClock.at("2026-11-27T14:00:00Z");
        RefusalLog refusals = new RefusalLog("slack", clock, 3);
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 25; i++) {
                refusals.refused(401, "bad signature", "192.0.2.7");
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(log.lines()).hasSize(3).allMatch(l -> l.endsWith(
                    "slack: refused a request with 401 (bad signature) from 192.0.2.7"));

            clock.advance(Duration.ofSeconds(35));
            refusals.refused(400, "payload is not JSON", "192.0.2.7");

            assertThat(log.lines()).hasSize(5);
            assertThat(log.lines().get(3))
                    .endsWith("slack: 22 more refused requests were not logged in the last minute");
            assertThat(log.lines().get(4)).endsWith("(payload is not JSON) from 192.0.2.7");
        }
    }
}
