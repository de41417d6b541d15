package dev.opsbot.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import dev.opsbot.incident.CardNotes;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentActions;
import dev.opsbot.incident.TimelineEntry;
import dev.opsbot.testing.RecordingPoster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenario: four similar incidents on one service (one of them already archived) show
 * up in {@code /problem candidates}; a problem opened from them with a workaround puts that
 * workaround on its open incidents and on the card of the next similar incident.
 */
class RecurringIncidentsScenarioTest {

    private static final String WORKAROUND = "restart the payments pods one at a time";

    @Test
    void fourSimilarIncidentsBecomeAKnownErrorThatAnnotatesTheNextOne() {
        try (ProblemFixture f = new ProblemFixture()) {
            f.ok("alice", "/incident declare sev3 connection pool exhausted --service payments");
            f.advance(Duration.ofDays(31));
            // INC-2, 4, 6 and 7: the pattern, over nine days; INC-2 is resolved and archived on the way.
            f.ok("alice", "/incident declare sev2 connection pool exhausted on db-7 --service payments");
            f.ok("alice", "/incident resolve INC-2 bumped the pool");
            f.ok("alice", "/incident declare sev2 disk full on ledger host --service payments");
            f.advance(Duration.ofDays(3));
            f.ok("alice", "/incident declare sev2 Connection pool exhausted (pool 3) --service payments");
            f.ok("alice", "/incident declare sev2 connection pool exhausted --service search");
            f.advance(Duration.ofDays(3));
            f.ok("alice", "/incident declare sev2 connection pool exhausted again --service payments");
            f.advance(Duration.ofDays(3));
            assertThat(f.core.incidents.archive(f.core.clock.instant().minus(Duration.ofDays(2)))).isEqualTo(1);
            f.ok("alice", "/incident declare sev1 connection pool exhausted, checkout failing --service payments");

            Reply candidates = f.ok("bob", "/problem candidates");

            assertThat(candidates.title()).isEqualTo("1 candidate problem in the last 30 days");
            assertThat(candidates.text()).contains("3 or more incidents", "at least half their words");
            assertThat(candidates.rows()).containsExactly("1. 4 incidents on payments in 9 days titled like "
                    + "“connection pool exhausted”: INC-7, INC-6, INC-4, INC-2");
            assertThat(candidates.buttons()).extracting(Reply.Button::command).containsExactly(
                    "/problem open connection pool exhausted --from INC-7,INC-6,INC-4,INC-2 --service payments");

            Reply opened = f.ok("bob", candidates.buttons().get(0).command());
            assertThat(opened.title()).contains("PRB-1", "connection pool exhausted");
            assertThat(f.problems.find("PRB-1").orElseThrow().incidents()).extracting(Problem.Linked::incident)
                    .containsExactly("INC-7", "INC-6", "INC-4", "INC-2");
            assertThat(f.run("bob", "/problem candidates").plainText()).startsWith("No candidates in the last 30 days");
            assertThat(f.run("carol", candidates.buttons().get(0).command()).plainText()).startsWith(
                    "INC-7, INC-6, INC-4, INC-2 are already linked to a problem");
            assertThat(f.problems.count()).isEqualTo(1);

            int before = f.core.console.postsTo("ops").size();
            Reply known = f.ok("bob", "/problem workaround PRB-1 " + WORKAROUND);

            assertThat(known.text()).contains("PRB-1 is a known error now.", "Posted to INC-7, INC-6, INC-4.");
            List<RecordingPoster.Post> posts = f.core.console.postsTo("ops").subList(before,
                    f.core.console.postsTo("ops").size());
            assertThat(posts).hasSize(3).allSatisfy(p -> assertThat(p.text()).contains(WORKAROUND));
            assertThat(workaroundEntries(f, "INC-6")).hasSize(1);
            assertThat(workaroundEntries(f, "INC-2")).isEmpty();

            // The same workaround again (a retry) changes nothing, posts nothing twice and audits nothing.
            int audited = f.core.audit.forItem("PRB-1", 50).size();
            assertThat(f.ok("bob", "/problem workaround PRB-1 " + WORKAROUND).plainText())
                    .isEqualTo("PRB-1 already has this workaround; every linked open incident has it.");
            assertThat(f.core.console.postsTo("ops")).hasSize(before + 3);
            assertThat(workaroundEntries(f, "INC-6")).hasSize(1);
            assertThat(f.core.audit.forItem("PRB-1", 50)).hasSize(audited);

            IncidentActions.Declared next = f.declare("Connection pool exhausted for checkout", "payments");

            String id = next.incident().id();
            assertThat(next.answer().text()).contains("Known error PRB-1 (connection pool exhausted). Workaround: "
                    + WORKAROUND);
            assertThat(next.answer().buttons()).extracting(Reply.Button::command)
                    .contains("/problem link PRB-1 " + id);
            assertThat(f.core.console.postsTo("incidents")).last().satisfies(p -> assertThat(p.text()).contains(WORKAROUND));

            // Linking it from the card's button puts the workaround on its timeline too.
            f.ok("alice", "/problem link PRB-1 " + id);
            assertThat(workaroundEntries(f, id)).hasSize(1);
        }
    }

    @Test
    void aKnownErrorAnnotatesOnlyAlikeIncidentsOnItsService() {
        try (ProblemFixture f = new ProblemFixture()) {
            f.ok("alice", "/incident declare sev2 connection pool exhausted --service payments");
            f.ok("alice", "/problem open connection pool exhausted --from INC-1");
            f.ok("alice", "/problem workaround PRB-1 " + WORKAROUND);

            assertThat(notes(f.declare("disk full on ledger host", "payments"))).isEmpty();
            assertThat(notes(f.declare("connection pool exhausted", "search"))).isEmpty();
            assertThat(notes(f.declare("connection pool exhausted", null))).isEmpty();
            assertThat(notes(f.declare("pool exhausted on db-3", "payments"))).hasSize(1);
        }
    }

    private static List<CardNotes.Note> notes(IncidentActions.Declared declared) {
        return declared.answer().buttons().stream().filter(b -> b.command().startsWith("/problem link"))
                .map(b -> new CardNotes.Note("", b.label(), b.command())).toList();
    }

    private static List<TimelineEntry> workaroundEntries(ProblemFixture f, String incident) {
        Incident i = f.core.incidents.find(incident).orElseThrow();
        return i.timeline().stream().filter(e -> e.kind().equals("workaround")).toList();
    }
}
