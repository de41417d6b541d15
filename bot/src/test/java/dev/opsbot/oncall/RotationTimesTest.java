package dev.opsbot.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.ownership.OpsFixture;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rotation handing over at 09:00 in London, read by a team in Berlin on Friday 27 November 2026,
 * 14:00 UTC: the handoff rule keeps its own zone, the times on screen are the reader's.
 */
class RotationTimesTest {

    private final OpsFixture berlin = new OpsFixture(ZoneId.of("Europe/Berlin"));

    @AfterEach
    void close() {
        berlin.close();
    }

    @Test
    void shiftTimesReadInTheTeamsZoneWithTheDayWhenItIsNotToday() {
        berlin.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        berlin.ok("lead", "/oncall rotation create payments-primary --members @alice,@bob --every 1w "
                + "--handoff \"mon 09:00\" --tz Europe/London --service payments");

        assertThat(berlin.ok("x", "/oncall who payments").plainText())
                .contains("@alice until Mon 30 Nov 10:00 CET, backup @bob");
        assertThat(berlin.ok("x", "/oncall rotation show payments-primary").plainText())
                .contains("handoff Mondays 09:00 Europe/London")
                .contains("Next handoff: Mon 30 Nov 10:00 CET");
        assertThat(berlin.ok("alice", "/oncall override @dave 2h --service payments").plainText())
                .contains("until 17:00 CET");
    }
}
