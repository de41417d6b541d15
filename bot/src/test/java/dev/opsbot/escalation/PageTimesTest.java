package dev.opsbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.ownership.OpsFixture;
import dev.opsbot.testing.RecordingPoster.Post;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A page's "Next" time reads in the team's zone, with the day when the next step falls tomorrow there. */
class PageTimesTest {

    private final OpsFixture ops = new OpsFixture(ZoneId.of("Europe/Berlin"));

    @AfterEach
    void close() {
        ops.close();
    }

    @Test
    void aNextStepAfterMidnightShowsItsDay() {
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        ops.ok("lead", "/oncall rotation create payments-primary --members @alice,@bob --every 1w "
                + "--handoff \"mon 09:00\" --service payments");
        ops.core.clock.set(Instant.parse("2026-11-27T22:57:00Z"));   // 23:57 in Berlin; sev1 waits 5m

        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");

        assertThat(ops.postsTo("payments")).extracting(Post::text).filteredOn(t -> t.startsWith("INC-1"))
                .singleElement().asString().contains("at Sat 28 Nov 00:02 CET (in 5m)");
    }
}
