package dev.opsbot.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.schedule.DueHandlers;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.ServiceCommands;
import dev.opsbot.service.Services;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted day of incidents on a fixed clock, measured with /kpi. Every expected figure is
 * worked out by hand from the timestamps in the script, in the comments next to it.
 */
class KpiCommandsTest {

    private final CoreFixture core = new CoreFixture();
    private final Services services = Services.inMongo(core.store.database());
    private final DueItems due = DueItems.inMongo(core.store.database(), core.counters, new DueHandlers());
    private ChangeOutcomes changes = ChangeOutcomes.none();

    KpiCommandsTest() {
        core.with(ServiceCommands.ROOT.handledBy(new ServiceCommands(services, core.audit)))
                .with(KpiCommands.ROOT.handledBy(new KpiCommands(
                        new Kpis(core.incidents, services, due, (from, to, s) -> changes.between(from, to, s)),
                        services)));
    }

    @AfterEach
    void close() {
        core.close();
    }

    private void at(String isoInstant) {
        core.clock.set(Instant.parse(isoInstant));
    }

    private Reply ok(String line) {
        Reply reply = core.run("alice", line);
        assertThat(reply.isPrivate() && reply.tone() == Reply.Tone.WARNING).as("%s: %s", line, reply.plainText())
                .isFalse();
        return reply;
    }

    private List<String> rows(Reply reply) {
        return reply.rows().stream().map(Inline::plain).toList();
    }

    /** The day of 27 November 2026, plus one incident five weeks earlier that a 30-day window must leave out. */
    private void scriptedDay() {
        ok("/service add payments --team core --channel #payments --tier 1");
        ok("/service add search --team web --channel #search --tier 2");
        ok("/service set payments --availability 99.9");
        ok("/service set search --availability 99.5%");

        at("2026-10-20T10:00:00Z");
        ok("/incident declare sev1 \"old outage\" --service payments");   // INC-1, outside the window
        at("2026-10-20T15:00:00Z");
        ok("/incident resolve INC-1");

        at("2026-11-27T14:00:00Z");
        ok("/incident declare sev1 \"card payments failing\" --service payments");  // INC-2
        at("2026-11-27T14:04:00Z");
        ok("/incident ack INC-2");                                   // acknowledged in 4m
        at("2026-11-27T14:30:00Z");
        ok("/incident mitigate INC-2");                              // impact 14:00–14:30: 30m
        at("2026-11-27T15:00:00Z");
        ok("/incident resolve INC-2 rolled back");                   // resolved in 60m

        at("2026-11-27T16:00:00Z");
        ok("/incident declare sev2 \"refunds slow\" --service payments");  // INC-3
        at("2026-11-27T16:10:00Z");
        ok("/incident ack INC-3");                                   // 10m
        at("2026-11-27T16:15:00Z");
        ok("/incident declare sev2 \"webhooks late\" --service payments"); // INC-4, overlaps INC-3
        at("2026-11-27T16:16:00Z");
        ok("/incident ack INC-4");                                   // 1m
        at("2026-11-27T16:20:00Z");
        ok("/incident resolve INC-3");                               // never mitigated: impact 16:00–16:20; resolved in 20m
        at("2026-11-27T16:40:00Z");
        ok("/incident mitigate INC-4");                              // impact 16:15–16:40; with INC-3: 16:00–16:40 = 40m
        at("2026-11-27T17:00:00Z");
        ok("/incident resolve INC-4");                               // resolved in 45m

        at("2026-11-27T18:00:00Z");
        ok("/incident declare sev3 \"search index stale\" --service search"); // INC-5, sev3: no availability impact
        at("2026-11-27T18:30:00Z");
        ok("/incident ack INC-5");                                   // 30m
        at("2026-11-27T20:00:00Z");
        ok("/incident resolve INC-5");                               // resolved in 2h

        at("2026-11-27T21:00:00Z");
        ok("/incident declare sev4 \"typo on status page\"");         // INC-6, still open, never acknowledged

        // A week later the finished ones are archived; the 30-day figures must still count them.
        at("2026-11-28T14:00:00Z");
        assertThat(core.incidents.archive(Instant.parse("2026-11-28T00:00:00Z"))).isEqualTo(5);
    }

    @Test
    void aScriptedDayMeasuresToTheHandComputedFigures() {
        scriptedDay();
        due.schedule(new DueItem("review:INC-3", "review", "INC-3", Instant.parse("2026-11-28T09:00:00Z"),
                Map.of(DueItem.LABEL, "Review INC-3")));

        Reply kpi = ok("/kpi");
        assertThat(kpi.title()).isEqualTo("KPIs · last 30 days");
        assertThat(rows(kpi)).containsExactly(
                "Incidents: 5 (sev1 1 · sev2 2 · sev3 1 · sev4 1)",
                // acknowledged in 1, 4, 10, 30 minutes: median (4 + 10) / 2 = 7m; p90 is the 4th of 4 (ceil 3.6)
                "Time to acknowledge: median 7m · p90 30m (4 acknowledged)",
                // resolved in 20, 45, 60, 120 minutes: median 52m 30s (shown to the minute); p90 120m
                "Time to resolve: median 52m · p90 2h (4 resolved)",
                // 70 of 43,200 minutes: 99.8379…% shown 99.83%; budget 0.1% of 43,200 = 43.2 min, over by 26.8
                "Availability of payments: 99.83% (target 99.9%) · error budget spent, over by 26 min",
                // no sev1–2 impact; 0.5% of 43,200 = 216 min
                "Availability of search: 100% (target 99.5%) · 216 min of 216 min error budget left",
                "Change success: no changes recorded",
                "Overdue follow-ups: 1 (/followup list)");
    }

    @Test
    void theFiguresAreTheOnesComputedFromTheIncidentsThemselves() {
        scriptedDay();
        Kpis kpis = new Kpis(core.incidents, services, due, ChangeOutcomes.none());
        Kpis.Measured m = kpis.measure(core.clock.instant(), Duration.ofDays(30), "payments");
        IncidentKpis k = m.incidents();
        assertThat(k.declared()).isEqualTo(3);
        assertThat(k.timeToAcknowledge().orElseThrow()).isEqualTo(
                new Spread(Duration.ofMinutes(4), Duration.ofMinutes(10), 3));
        assertThat(k.timeToResolve().orElseThrow()).isEqualTo(
                new Spread(Duration.ofMinutes(45), Duration.ofMinutes(60), 3));
        Availability payments = k.availability().get(0);
        assertThat(payments.impact()).isEqualTo(Duration.ofMinutes(70));
        assertThat(payments.budget()).isEqualTo(Duration.ofSeconds(2592));
        assertThat(payments.budgetLeft()).isEqualTo(Duration.ofSeconds(2592 - 4200));
        assertThat(k.availability()).hasSize(1);
    }

    @Test
    void oneDayWindowAndOneService() {
        scriptedDay();
        // From 28 Nov 14:00 back one day is exactly 27 Nov 14:00: INC-2 to INC-6 are all inside.
        Reply search = ok("/kpi --service search --days 1");
        assertThat(search.title()).isEqualTo("KPIs · last 1 day · search");
        assertThat(rows(search)).contains("Incidents: 1 (sev3 1)",
                "Time to acknowledge: median 30m · p90 30m (1 acknowledged)",
                // 0.5% of 1,440 minutes = 7.2 min
                "Availability of search: 100% (target 99.5%) · 7 min of 7 min error budget left");
    }

    @Test
    void withNoDataItSaysSoInsteadOfZeros() {
        Reply kpi = ok("/kpi");
        assertThat(kpi.plainText()).contains(
                "No incidents were declared in the last 30 days, so there is no time to acknowledge or resolve to measure.");
        assertThat(rows(kpi)).containsExactly(
                "Incidents: none declared",
                "Availability: no service has a target (/service set <name> --availability 99.9)",
                "Change success: no changes recorded",
                "Overdue follow-ups: none");
        assertThat(kpi.plainText()).doesNotContain("0m", "0%");
    }

    @Test
    void changeOutcomesFromThePortAreARate() {
        changes = (from, to, s) -> new ChangeOutcomes.Counted(23, 2);
        assertThat(rows(ok("/kpi"))).contains("Change success: 92% (23 of 25 succeeded)");
    }

    @Test
    void badInputIsOneSentenceWithTheUsage() {
        ok("/service add payments --team core --channel #payments --tier 1");
        Reply days = core.run("alice", "/kpi --days 0");
        assertThat(days.isPrivate()).isTrue();
        assertThat(days.plainText()).contains("--days is a number of days from 1 to 365.").contains("/kpi");
        assertThat(core.run("alice", "/kpi --service nope").plainText())
                .contains("There is no service “nope”; /service list shows them.");
        assertThat(core.run("alice", "/service set payments --availability 100").plainText())
                .contains("“100” is not an availability target; write a percentage below 100, like 99.9.");
        assertThat(core.run("alice", "/service set payments --availability lots").plainText())
                .contains("“lots” is not an availability target");
        assertThat(services.find("payments").orElseThrow().availability()).isNull();
    }

    @Test
    void settingATargetIsAuditedAndShown() {
        ok("/service add payments --team core --channel #payments --tier 1");
        Reply set = ok("/service set payments --availability 99.95");
        assertThat(set.plainText()).contains("Availability target of payments: 99.95% (was none)");
        assertThat(core.audit.forItem("payments", 5)).anySatisfy(e -> assertThat(
                e.action() + " " + e.before() + " -> " + e.after())
                .isEqualTo("service.set availability=none -> availability=99.95%"));
        assertThat(ok("/service show payments").fields()).contains(new Reply.Field("Availability target", "99.95%"));
    }
}
