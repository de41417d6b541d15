package dev.opsbot.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.store.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A problem from open to resolved: each step's rules, refusals, audit and follow-ups. */
class ProblemLifecycleTest {

    @Test
    void aFixedProblemIsResolvedOnlyOnceItsFixChangeIsCompleted() {
        try (ProblemFixture f = new ProblemFixture()) {
            f.ok("alice", "/incident declare sev2 connection pool exhausted --service payments");
            Reply opened = f.ok("alice", "/problem open pool too small --from inc-1");
            assertThat(opened.fields()).contains(new Reply.Field("Service", "payments"),
                    new Reply.Field("Incidents", "INC-1"), new Reply.Field("Status", "open"));

            f.ok("alice", "/problem rca PRB-1 pool size is fixed at 10 while traffic doubled");
            assertThat(refusal(f, "/problem resolve PRB-1")).contains("PRB-1 has no fix yet", "--accept-risk");
            assertThat(refusal(f, "/problem fix PRB-1 --change CHG-9")).isEqualTo("There is no change CHG-9.");

            f.changes.put("CHG-7", false);
            f.ok("alice", "/problem fix PRB-1 --change CHG-7");
            assertThat(refusal(f, "/problem resolve PRB-1")).isEqualTo(
                    "The fix CHG-7 is not completed yet; resolve PRB-1 once it is.");

            f.changes.put("CHG-7", true);
            Reply resolved = f.ok("bob", "/problem resolve PRB-1");

            assertThat(Inline.plain(resolved.text())).isEqualTo("Resolved by @bob: its fix CHG-7 is completed.");
            assertThat(f.problems.find("PRB-1").orElseThrow().status()).isEqualTo(ProblemStatus.RESOLVED);
            assertThat(refusal(f, "/problem rca PRB-1 more")).startsWith("PRB-1 was resolved by @bob");
            assertThat(f.core.audit.forItem("PRB-1", 10)).extracting(AuditEntry::action).containsExactlyInAnyOrder(
                    "problem.open", "problem.rca", "problem.fix", "problem.resolve");
        }
    }

    @Test
    void withoutRecordedChangesAFixCannotBeNamedAndTheRiskCanBeAccepted() {
        try (ProblemFixture f = new ProblemFixture()) {
            f.changesRecorded = false;
            f.ok("alice", "/problem open certificates expire unnoticed --service edge");

            assertThat(refusal(f, "/problem fix PRB-1 --change CHG-3")).isEqualTo("Changes are not recorded here, "
                    + "so CHG-3 cannot be named as the fix of PRB-1; --accept-risk --review <date> resolves it without "
                    + "one.");
            assertThat(refusal(f, "/problem resolve PRB-1 --accept-risk"))
                    .isEqualTo("Accepting the risk needs a day to review it, like --review 2027-01-14.");
            assertThat(refusal(f, "/problem resolve PRB-1 --review 2027-01-14")).startsWith("--review goes with");
            assertThat(refusal(f, "/problem resolve PRB-1 --accept-risk --review 14/01/2027"))
                    .isEqualTo("“14/01/2027” is not a date; write it like 2027-01-14.");
            assertThat(refusal(f, "/problem resolve PRB-1 --accept-risk --review 2026-11-27"))
                    .isEqualTo("The review day must be after today and within five years.");

            Reply resolved = f.ok("alice", "/problem resolve PRB-1 --accept-risk --review 2027-01-14");

            assertThat(resolved.text()).endsWith("risk accepted, to be reviewed on 2027-01-14.");
            DueItem review = f.due.find(Resolutions.reviewItem("PRB-1")).orElseThrow();
            assertThat(review.dueAt()).isEqualTo(Instant.parse("2027-01-14T09:00:00Z"));
            assertThat(f.ok("alice", "/followup list").plainText()).contains("Review the accepted risk of PRB-1");

            f.tick(Duration.between(f.core.clock.instant(), review.dueAt()));
            assertThat(f.core.console.postsTo("ops")).last().satisfies(p -> assertThat(p.text())
                    .contains("Accepted risk to review", "@alice", "PRB-1"));
        }
    }

    @Test
    void theCardShowsTodaysTimesAsAClockOthersWithTheirDayAndYear() {
        try (ProblemFixture f = new ProblemFixture()) {
            f.ok("alice", "/problem open pool too small --service payments");
            Reply added = f.ok("alice", "/problem action PRB-1 alert on pool saturation --owner @bob --due 40d");
            assertThat(Inline.plain(added.footer())).isEqualTo("Opened by @alice 14:00 UTC.");
            assertThat(added.rows()).singleElement().satisfies(r -> assertThat(Inline.plain(r))
                    .contains("due 6 Jan 2027 14:00 UTC"));

            f.core.clock.advance(Duration.ofDays(1));
            assertThat(Inline.plain(f.core.run("alice", "/problem show PRB-1").footer()))
                    .isEqualTo("Opened by @alice Fri 27 Nov 14:00 UTC.");
        }
    }

    @Test
    void aPreventiveActionRemindsItsOwnerUntilDone() {
        try (ProblemFixture f = new ProblemFixture()) {
            f.ok("alice", "/problem open pool too small --service payments");
            Reply added = f.ok("alice", "/problem action PRB-1 alert on pool saturation --owner @bob --due 7d");
            assertThat(added.rows()).singleElement().satisfies(r -> assertThat(Inline.plain(r)).startsWith(
                    "Action 1: alert on pool saturation · @bob · due Fri 4 Dec 14:00"));
            DueItem item = f.due.find(Resolutions.actionItem("PRB-1", 1)).orElseThrow();
            assertThat(item.data()).containsEntry(DueItem.OWNER, "console:bob");

            assertThat(f.tick(Duration.ofDays(6))).isZero();
            assertThat(f.tick(Duration.ofDays(1))).isEqualTo(1);
            String ref = f.due.find(item.id()).orElseThrow().ref();
            assertThat(f.core.console.postsTo("ops")).last().satisfies(p -> assertThat(p.text())
                    .contains("Preventive action due", "@bob", "alert on pool saturation", "/followup done " + ref));

            assertThat(f.tick(Duration.ofDays(1))).isEqualTo(1);
            f.ok("bob", "/followup done " + ref);
            assertThat(f.due.find(item.id())).isEmpty();
            assertThat(f.tick(Duration.ofDays(2))).isZero();
        }
    }

    @Test
    void aWorkaroundStoredButNotPostedReachesItsIncidentsWhenTheCommandIsRetried() {
        try (ProblemFixture f = new ProblemFixture()) {
            f.ok("alice", "/incident declare sev2 connection pool exhausted --service payments");
            f.ok("alice", "/problem open pool too small --from INC-1");
            // As if the process died after storing the workaround and before posting it.
            f.problems.update("PRB-1", p -> p.workaround("drain the node", f.core.clock.instant()));

            f.ok("alice", "/problem workaround PRB-1 drain the node");
            f.ok("alice", "/problem workaround PRB-1 drain the node");

            assertThat(f.core.console.postsTo("ops")).filteredOn(p -> p.text().contains("drain the node")).hasSize(1);
            assertThat(f.core.incidents.find("INC-1").orElseThrow().timeline())
                    .filteredOn(e -> e.kind().equals("workaround")).hasSize(1);
        }
    }

    @Test
    void badInputIsRefusedWithUsageAndWritesNothing() {
        try (ProblemFixture f = new ProblemFixture()) {
            f.ok("alice", "/incident declare sev2 connection pool exhausted");

            Reply junk = f.run("alice", "/problem open pool --from INC-1,db-7");
            assertThat(junk.text()).isEqualTo("“db-7” is not an incident id; write --from like INC-1,INC-4.");
            assertThat(junk.footer()).startsWith("Usage: /problem open <statement>");
            assertThat(refusal(f, "/problem open pool --from INC-1,INC-99")).isEqualTo("There is no incident INC-99.");
            assertThat(refusal(f, "/problem open " + "x".repeat(121))).startsWith("A problem statement can be at most");
            assertThat(refusal(f, "/problem show PRB-4")).isEqualTo("There is no problem PRB-4.");
            assertThat(refusal(f, "/problem action PRB-4 x --owner @bob --due 400d"))
                    .startsWith("An action is due between");
            assertThat(refusal(f, "/problem candidates --days 91")).isEqualTo("--days goes from 1 to 90.");
            assertThat(f.problems.count()).isZero();
            assertThat(f.core.counters.next("PRB")).isEqualTo(1);
        }
    }

    @Test
    void listsPageAndSayWhereThePagesEnd() {
        try (ProblemFixture f = new ProblemFixture()) {
            for (int i = 1; i <= 27; i++) {
                f.ok("alice", "/problem open cause number " + i);
            }
            f.changesRecorded = false;
            f.ok("alice", "/problem resolve PRB-27 --accept-risk --review 2027-01-14");

            Reply first = f.ok("bob", "/problem list");
            assertThat(first.title()).isEqualTo("Showing 1–25 of 27 problems");
            assertThat(Inline.plain(first.rows().get(0))).startsWith("PRB-26 · open");
            assertThat(first.footer()).isEqualTo("Page 1 of 2. Next: /problem list --page 2.");
            assertThat(f.ok("bob", "/problem list --page 2").rows()).hasSize(2).last()
                    .satisfies(r -> assertThat(Inline.plain(r)).startsWith("PRB-27 · resolved"));
            assertThat(refusal(f, "/problem list --page 3")).isEqualTo("There are 27 problems to list, on 2 pages.");
        }
    }

    @Test
    void aProblemIsHandedOverLikeAnyOwnedItem() {
        try (ProblemFixture f = new ProblemFixture()) {
            f.ok("alice", "/problem open pool too small");
            f.ok("alice", "/owner handover PRB-1 @bob you know the pool code");
            f.ok("bob", "/owner accept PRB-1");

            assertThat(f.problems.find("PRB-1").orElseThrow().owner().id()).isEqualTo("bob");
            assertThat(f.ok("bob", "/owner mine").plainText()).contains("PRB-1");
        }
    }

    private static String refusal(ProblemFixture f, String line) {
        Reply reply = f.run("alice", line);
        assertThat(reply.isPrivate()).as(line + " answers privately").isTrue();
        assertThat(reply.tone()).as(line + " is refused").isEqualTo(Reply.Tone.WARNING);
        return Inline.plain(reply.text());
    }
}
