package dev.opsbot.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.kpi.ChangeOutcomes;
import dev.opsbot.problem.ChangeLookup;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the KPI report, alerts and problems read of changes, through the ports they declare. */
class ChangePortsTest {

    private final ChangeFixture f = new ChangeFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void outcomesCountAServicesFinishedChangesAndSayNoneWhenThereAreNone() {
        Instant from = f.now();
        ChangeOutcomes outcomes = f.record.outcomes();
        assertThat(outcomes.between(from, f.now().plusSeconds(1), null)).isEqualTo(new ChangeOutcomes.NoneRecorded());

        f.ok("alice", "/change request upgrade postgres --asset db-01 --start +0m --end +1h --risk low");
        f.ok("bob", "/change approve CHG-1");
        f.ok("alice", "/change start CHG-1");
        f.advance(Duration.ofMinutes(10));
        f.ok("alice", "/change done CHG-1 success");
        Instant to = f.now().plusSeconds(1);

        assertThat(outcomes.between(from, to, null)).isEqualTo(new ChangeOutcomes.Counted(1, 0));
        assertThat(outcomes.between(from, to, "payments")).isEqualTo(new ChangeOutcomes.Counted(1, 0));
        assertThat(outcomes.between(from, to, "billing")).isEqualTo(new ChangeOutcomes.NoneRecorded());
    }

    @Test
    void windowsNameTheChangeUnderWayOnAnAssetOnlyWhileItRuns() {
        f.ok("alice", "/change request upgrade postgres --asset db-01 --start +0m --end +1h --risk low");
        f.ok("bob", "/change approve CHG-1");
        assertThat(f.record.windows().inProgressOn("db-01", f.now())).isEmpty();
        f.ok("alice", "/change start CHG-1");
        assertThat(f.record.windows().inProgressOn("db-01", f.now())).contains("CHG-1");
        assertThat(f.record.windows().inProgressOn("cache-01", f.now())).isEmpty();
        f.ok("alice", "/change done CHG-1 success");
        assertThat(f.record.windows().inProgressOn("db-01", f.now().plusSeconds(1))).isEmpty();
    }

    @Test
    void anExpectedAlertIsAttachedToTheChangesTimelineAndAFlappingOneStopsGrowingIt() {
        f.ok("alice", "/change request upgrade postgres --asset db-01 --start +0m --end +1h --risk low");
        f.ok("bob", "/change approve CHG-1");
        f.ok("alice", "/change start CHG-1");
        f.record.windows().attach("CHG-1", "+1 firing on db-01: HighLatency", f.now());
        assertThat(f.ok("alice", "/change show CHG-1").plainText()).contains("alert: +1 firing on db-01: HighLatency");

        for (int i = 0; i < ChangeRequest.MOST_ALERTS_NOTED + 5; i++) {
            f.record.windows().attach("CHG-1", "+1 firing on db-01: Flapping " + i, f.now());
        }
        assertThat(f.changes.find("CHG-1").orElseThrow().timeline())
                .filteredOn(e -> e.kind().equals("alert")).hasSize(ChangeRequest.MOST_ALERTS_NOTED);
    }

    @Test
    void lookupTellsACompletedChangeFromOneNotDoneAndFromNone() {
        f.ok("alice", "/change request upgrade postgres --asset db-01 --start +0m --end +1h --risk low");
        ChangeLookup lookup = f.record.lookup();
        assertThat(lookup.find("CHG-1")).isEqualTo(new ChangeLookup.Recorded("CHG-1", "upgrade postgres", false));
        assertThat(lookup.find("CHG-9")).isEqualTo(new ChangeLookup.Missing());
        f.ok("bob", "/change approve CHG-1");
        f.ok("alice", "/change start CHG-1");
        f.ok("alice", "/change done CHG-1 success");
        assertThat(lookup.find("CHG-1")).isEqualTo(new ChangeLookup.Recorded("CHG-1", "upgrade postgres", true));
    }
}
