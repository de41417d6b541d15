package dev.opsbot.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /capacity end to end on the core, over a scripted metric source. */
class CapacityCommandsTest {

    private CoreFixture core;
    private ScriptedMetrics metrics;
    private Watches watches;
    private ReportSchedules schedules;
    private CapacityCommands commands;

    @BeforeEach
    void setUp() {
        core = new CoreFixture();
        Instant now = core.clock.instant();
        metrics = new ScriptedMetrics(now.minus(Duration.ofDays(28)))
                .define("disk_used", d -> 400 + 10 * d)
                .define("disk_size", d -> 1000)
                .define("flat_used", d -> 300)
                .define("young_used", d -> d < 25 ? Double.NaN : 100 + d)
                .several("per_host_used", 12);
        metrics.latest = now;
        watches = Watches.inMongo(core.store.database());
        schedules = ReportSchedules.inMongo(core.store.database());
        commands = new CapacityCommands(watches, schedules, metrics, core.audit, ZoneId.of("UTC"));
        core.with(CapacityCommands.ROOT.handledBy(commands));
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    @Test
    void aWatchIsAddedAfterItsQueriesAreCheckedAndThenForecast() {
        Reply added = core.run("alice", "/capacity watch add disk --query 'disk_used' --max 'disk_size' --threshold 85% "
                + "--service payments");
        assertThat(added.plainText()).contains("Watching disk", "Now: 680 of 1000 (68%)", "Threshold: 85% (850)");

        Reply forecast = core.run("bob", "/capacity forecast disk");
        // 400 + 10/day reaches 850 on day 45, 17 days after now (Nov 27 + 17 = Dec 14)
        assertThat(forecast.text()).isEqualTo("disk crosses 85% on Dec 14.");
        assertThat(forecast.plainText()).contains("Headroom: 170 to 85%", "Trend: +10/day (R² 1.00)",
                "Confidence: high");
        assertThat(forecast.images()).hasSize(1);
        assertThat(forecast.images().get(0).fileName()).isEqualTo("disk.png");
        assertThat(forecast.isPrivate()).as("a forecast is shared with the channel").isFalse();
    }

    @Test
    void aFlatWatchWillNotCrossAndAYoungOneHasTooLittleHistory() {
        core.run("alice", "/capacity watch add flat --query flat_used --max 1000");
        core.run("alice", "/capacity watch add young --query young_used --max 1000");

        assertThat(core.run("bob", "/capacity forecast flat").text())
                .isEqualTo("flat will not cross 85% before Jan 22 2027: usage is flat.");
        Reply young = core.run("bob", "/capacity forecast young");
        assertThat(young.text()).isEqualTo("Not enough history to forecast young (4 days; 7 are needed).");
        assertThat(young.images()).isEmpty();
    }

    @Test
    void badInputIsOneSentenceWithTheUsageAndNothingIsWritten() {
        Reply syntax = core.run("alice", "/capacity watch add disk --query 'sum(disk_used' --max 1000");
        assertThat(syntax.text()).isEqualTo("--query: Prometheus refused the query: invalid parameter \"query\": 1:1: "
                + "parse error: unexpected character");
        assertThat(syntax.footer()).startsWith("Usage: /capacity watch");
        assertThat(syntax.isPrivate()).isTrue();

        Reply several = core.run("alice", "/capacity watch add hosts --query per_host_used --max 1000");
        assertThat(several.text()).isEqualTo("--query: The query matches 12 series; add labels or sum().");

        Reply over = core.run("alice", "/capacity watch add disk --query disk_used --max 1000 --threshold 120%");
        assertThat(over.text()).isEqualTo("A threshold is a share of the maximum, at most 100%; 120% is over 100%.");
        assertThat(over.footer()).startsWith("Usage: ");

        Reply small = core.run("alice", "/capacity watch add disk --query disk_used --max 100");
        assertThat(small.text()).startsWith("--max: the usage now (680) is above the maximum (100); give the maximum "
                + "in the query's own unit");

        Reply unknown = core.run("bob", "/capacity forecast nope");
        assertThat(unknown.text()).isEqualTo("There is no watch nope; there are no watches yet.");
        assertThat(unknown.footer()).startsWith("Usage: /capacity forecast");

        assertThat(watches.all()).isEmpty();
    }

    @Test
    void theReportRanksSoonestFirstWithChartsAndNamesWhatCouldNotBeRead() {
        metrics.define("fast_used", d -> 500 + 12 * d);
        core.run("alice", "/capacity watch add disk --query disk_used --max disk_size");
        core.run("alice", "/capacity watch add fast --query fast_used --max 1000");
        core.run("alice", "/capacity watch add flat --query flat_used --max 1000");
        core.run("alice", "/capacity watch add gone --query disk_used --max 1000");
        metrics.define("disk_used_later", d -> 1);
        // the query of "gone" stops working after it was added
        metrics.several("disk_used", 2);

        Reply report = core.run("bob", "/capacity report");

        assertThat(report.rows()).hasSize(4);
        assertThat(report.rows().get(0)).contains("fast", "crosses 85%");
        assertThat(report.rows().get(1)).contains("flat", "will not cross");
        assertThat(report.rows().get(2)).contains("disk", "matches 2 series; add labels or sum()");
        assertThat(report.rows().get(3)).contains("gone", "matches 2 series");
        assertThat(report.images()).extracting(Reply.Image::fileName).containsExactly("fast.png", "flat.png");
        assertThat(report.isPrivate()).as("a report is shared with the channel").isFalse();
    }

    @Test
    void aReportWithNothingToRankAndARefusedForecastStayWithTheAsker() {
        Reply empty = core.run("bob", "/capacity report");
        assertThat(empty.text()).isEqualTo("There are no capacity watches yet; add one with /capacity watch add.");
        assertThat(empty.isPrivate()).isTrue();

        Reply unknown = core.run("bob", "/capacity forecast nosuch");
        assertThat(unknown.text()).isEqualTo("There is no watch nosuch; there are no watches yet.");
        assertThat(unknown.isPrivate()).isTrue();
    }

    @Test
    void aScheduledReportPostsOncePerScheduledTimeThroughTheOutboxWithItsCharts() {
        core.run("alice", "/capacity watch add disk --query disk_used --max 1000");
        Reply scheduled = core.run("alice", "/capacity schedule #capacity daily 15:00");
        assertThat(scheduled.plainText()).contains("daily at 15:00 UTC", "Next: 15:00 UTC");
        ScheduledReports routine = new ScheduledReports(schedules, commands.capacityReport(), core.outbox, ZoneId.of("UTC"));

        assertThat(routine.run(core.clock.instant())).isZero();
        core.clock.advance(Duration.ofHours(1));
        assertThat(routine.run(core.clock.instant())).isEqualTo(1);
        assertThat(routine.run(core.clock.instant())).isZero();
        // another instance re-running the same fire posts nothing more
        new ScheduledReports(ReportSchedules.inMongo(core.store.database()), commands.capacityReport(), core.outbox,
                ZoneId.of("UTC")).run(core.clock.instant());
        core.outbox.deliverDue();

        var posts = core.console.postsTo("capacity");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).message().title()).isEqualTo("Capacity report — 15:00 UTC");
        assertThat(posts.get(0).message().rows().get(0)).contains("disk", "crosses 85%");
        assertThat(posts.get(0).message().images()).hasSize(1);
        assertThat(posts.get(0).message().images().get(0).png()).startsWith(0x89, 'P', 'N', 'G');

        // three days later, after an outage: the latest due report, once
        core.clock.advance(Duration.ofDays(3));
        assertThat(routine.run(core.clock.instant())).isEqualTo(1);
        core.outbox.deliverDue();
        assertThat(core.console.postsTo("capacity")).hasSize(2);
        assertThat(core.console.postsTo("capacity").get(1).message().title()).endsWith("— 15:00 UTC");
        assertThat(core.run("bob", "/capacity list").rows()).map(Inline::plain).containsExactly(
                "#capacity — daily at 15:00 UTC · next Tue 1 Dec 15:00 UTC");
    }

    @Test
    void theDigestSectionListsWhatRunsOutWithinTheHorizon() {
        core.run("alice", "/capacity watch add disk --query disk_used --max 1000");
        core.run("alice", "/capacity watch add flat --query flat_used --max 1000");
        var lines = new RunningOutSoonest(commands.capacityReport()).lines(core.clock.instant(), ZoneId.of("UTC"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("disk", "crosses 85%");
        assertThat(core.console.platform()).isEqualTo(Platform.CONSOLE);
    }
}
