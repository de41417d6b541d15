package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.ownership.OpsFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /incident show} tells the whole story: pages, escalations, handovers, owners, each with its time. */
class TimelineStoryTest {

    private final OpsFixture ops = new OpsFixture();

    @AfterEach
    void close() {
        ops.close();
    }

    /** The story's rows, each "HH:mm what happened" whatever zone label the time carries. */
    private List<String> rows() {
        return rows(ops.run("x", "/incident show INC-1"));
    }

    private static List<String> rows(Reply story) {
        return story.rows().stream().map(Inline::plain).map(r -> r.replaceFirst("^(\\d\\d:\\d\\d) UTC ", "$1 "))
                .toList();
    }

    @Test
    void pagesEscalationsHandoversAndOwnersAppearWithTheirTimes() {
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        ops.ok("lead", "/oncall rotation create payments-primary --members @alice,@bob --service payments");
        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        ops.advance(Duration.ofMinutes(5));
        ops.ok("dave", "/owner handover INC-1 @carol the queue is the suspect");
        ops.ok("carol", "/owner decline INC-1");
        ops.ok("dave", "/owner handover INC-1 @erin");
        ops.ok("dave", "/owner withdraw INC-1");
        ops.core.clock.advance(Duration.ofMinutes(1));
        ops.ok("dave", "/owner handover INC-1 @bob");
        ops.ok("bob", "/owner accept INC-1");
        ops.ok("bob", "/incident ack INC-1");

        assertThat(rows()).containsSubsequence(
                "14:00 @dave declared: sev1 card payments failing",
                "14:00 paged: @alice, primary on call (1 of 3) — declared",
                "14:05 escalated: @bob, secondary on call (2 of 3) — not acknowledged after 5m",
                "14:05 @dave handover offered: to @carol: the queue is the suspect",
                "14:05 @carol handover declined: offered by @dave",
                "14:05 @dave handover offered: to @erin",
                "14:05 @dave handover withdrawn: the offer to @erin",
                "14:06 @dave handover offered: to @bob",
                "14:06 @bob assigned: owner @bob",
                "14:06 @bob handover accepted: from @dave",
                "14:06 @bob acknowledged");
    }

    @Test
    void aHandoverEndedByAnAssignmentAndAnUnansweredOneAreTold() {
        ops.ok("dave", "/incident declare sev3 \"slow search\"");
        ops.ok("dave", "/owner handover INC-1 @erin");
        ops.ok("dave", "/incident assign INC-1 @frank");
        ops.ok("frank", "/owner handover INC-1 @gus");
        ops.advance(Duration.ofHours(2));

        assertThat(rows()).contains(
                "14:00 @dave handover ended: the offer to @erin no longer stands: @frank owns it now",
                "16:00 handover lapsed: @gus did not answer within 2h");
    }

    @Test
    void anIncidentMentionedInAnotherIsLinkedToIt() {
        ops.ok("dave", "/incident declare sev3 \"slow search\"");
        ops.ok("dave", "/incident resolve INC-1 reindexed");
        ops.ok("dave", "/incident close INC-1");
        ops.core.clock.advance(Duration.ofMinutes(3));
        ops.ok("erin", "/incident declare sev2 \"search slow again, like inc-1\"");
        ops.ok("erin", "/incident update INC-2 same shard as INC-1 and INC-2; not INC-77");

        assertThat(rows()).containsSubsequence("14:03 @erin linked: INC-2 mentions it",
                "14:03 @erin linked: INC-2 mentions it");
        assertThat(ops.core.incidents.find("INC-2").orElseThrow().timeline())
                .as("an incident is not linked to itself").extracting(TimelineEntry::kind)
                .containsExactly("declared", "update");
    }

    @Test
    void pickingUpAnIncidentByAcknowledgingSaysWhoOwnsItNow() {
        ops.ok("dave", "/incident declare sev3 \"slow search\"");
        ops.ok("erin", "/incident ack INC-1");

        assertThat(rows()).contains("14:00 @erin acknowledged: owner @erin");
    }

    @Test
    void pagingThatStopsIsTold() {
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        ops.ok("lead", "/escalation set payments --levels channel --sev1 5m");
        ops.ok("dave", "/incident declare sev1 \"card payments failing\" --service payments");
        for (int i = 0; i < 5; i++) {
            ops.advance(Duration.ofMinutes(5));
        }

        assertThat(rows()).contains("14:20 paging stopped: nobody acknowledged in 20m; paged 4 times");
    }

    @Test
    void aVeryLongIncidentShowsItsNewestEntriesAndSaysHowManyCameBefore() {
        Actor alice = Actor.console("alice");
        Instant t = Instant.parse("2026-11-27T14:00:00Z");
        Incident i = Incident.declare("INC-1", Severity.SEV2, "db latency", null, ChannelRef.console("ops"), alice, t);
        for (int n = 1; n <= 499; n++) {
            i = i.note(alice, "note " + n, t.plusSeconds(n));
        }

        assertThat(i.timeline()).as("the document stays bounded").hasSize(TimelineEntry.KEPT);
        assertThat(TimelineEntry.dropped(i.timeline()) + TimelineEntry.entries(i.timeline()).size())
                .as("every entry is kept or counted").isEqualTo(500);

        ops.core.incidents.declare(id -> Incident.declare(id, Severity.SEV2, "db latency", null,
                ChannelRef.console("ops"), alice, t));
        Incident many = i;
        ops.core.incidents.update("INC-1", x -> many);
        assertThat(ops.core.incidents.record("INC-1", TimelineEntry.byOpsbot(t.plusSeconds(600), "paged", "#ops")))
                .isTrue();

        List<String> rows = rows();
        assertThat(rows).hasSize(IncidentCards.TIMELINE_SHOWN + 1);
        assertThat(rows.get(0)).isEqualTo("… 481 earlier entries (/audit INC-1 lists every change)");
        assertThat(rows.get(rows.size() - 2)).endsWith("@alice update: note 499");
        assertThat(rows.get(rows.size() - 1)).isEqualTo("14:10 paged: #ops");
    }

    @Test
    void anEntryFromAnotherFeatureIsNotAnUpdateFromTheResponders() {
        ops.ok("dave", "/incident declare sev3 \"slow search\"");
        Instant before = ops.core.incidents.find("INC-1").orElseThrow().lastUpdateAt();
        ops.core.clock.advance(Duration.ofMinutes(7));

        ops.core.incidents.record("INC-1", TimelineEntry.byOpsbot(ops.core.clock.instant(), "paged", "#ops"));

        Incident after = ops.core.incidents.find("INC-1").orElseThrow();
        assertThat(after.lastUpdateAt()).isEqualTo(before);
        assertThat(after.timeline()).extracting(TimelineEntry::kind).containsExactly("declared", "paged");
    }
}
