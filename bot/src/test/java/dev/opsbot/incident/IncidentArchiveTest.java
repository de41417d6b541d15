package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Finished incidents leave the working set for the archive, stay findable and changeable, and a crash loses none. */
class IncidentArchiveTest {

    private static final Duration AGE = Duration.ofDays(7);

    private final CoreFixture core = new CoreFixture();
    private final MongoCollection<Document> working = core.store.database().getCollection("incidents");
    private final MongoCollection<Document> archive = core.store.database().getCollection("incidents_archive");

    @AfterEach
    void stop() {
        core.close();
    }

    @Test
    void onlyFinishedIncidentsUntouchedForTheAgeMoveAndRepeatingChangesNothing() {
        core.run("bob", "/incident declare sev2 closed long ago");          // INC-1
        core.run("bob", "/incident resolve INC-1");
        core.run("bob", "/incident close INC-1");
        core.run("bob", "/incident declare sev3 resolved long ago");        // INC-2
        core.run("bob", "/incident resolve INC-2");
        core.run("bob", "/incident declare sev2 still open");               // INC-3
        core.clock.advance(Duration.ofDays(8));
        core.run("bob", "/incident declare sev4 resolved today");           // INC-4
        core.run("bob", "/incident resolve INC-4");

        assertThat(archiveNow()).isEqualTo(2);
        assertThat(ids(working)).containsExactly("INC-3", "INC-4");
        assertThat(ids(archive)).containsExactly("INC-1", "INC-2");

        assertThat(archiveNow()).isZero();
        assertThat(ids(working)).containsExactly("INC-3", "INC-4");
        assertThat(ids(archive)).containsExactly("INC-1", "INC-2");

        assertThat(core.incidents.find("INC-1")).get().extracting(Incident::status).isEqualTo(IncidentStatus.CLOSED);
        assertThat(core.run("bob", "/incident show INC-2").title()).contains("INC-2", "resolved long ago");
        Reply list = core.run("bob", "/incident list");
        assertThat(list.title()).isEqualTo("2 incidents");
        assertThat(Inline.plain(list.footer())).isEqualTo("Older incidents: /incident history.");
    }

    @Test
    void anArchivedIncidentCanBeChangedAndThenLivesInTheWorkingSetAgain() {
        core.run("bob", "/incident declare sev2 flapping disk");              // INC-1
        core.run("bob", "/incident resolve INC-1 replaced disk");
        core.clock.advance(Duration.ofDays(8));
        archiveNow();
        assertThat(ids(archive)).containsExactly("INC-1");

        Reply reopened = core.run("alice", "/incident reopen INC-1");

        assertThat(reopened.text()).isEqualTo("Reopened by " + Inline.user(dev.opsbot.chat.Actor.console("alice"))
                + ".");
        assertThat(ids(working)).containsExactly("INC-1");
        assertThat(ids(archive)).isEmpty();
        assertThat(core.incidents.find("INC-1")).get().extracting(Incident::status)
                .isEqualTo(IncidentStatus.DECLARED);
        assertThat(core.run("alice", "/incident list --open").rows()).hasSize(1);
        assertThat(core.audit.forItem("INC-1", 10)).extracting(e -> e.action()).contains("incident.reopen");
        // It is a working-set incident like any other now: the next change is an ordinary update.
        core.run("alice", "/incident ack INC-1");
        assertThat(core.incidents.find("INC-1")).get().extracting(Incident::status)
                .isEqualTo(IncidentStatus.ACKNOWLEDGED);
    }

    @Test
    void aRefusedChangeToAnArchivedIncidentLeavesItArchived() {
        core.run("bob", "/incident declare sev2 old outage");
        core.run("bob", "/incident resolve INC-1");
        core.run("bob", "/incident close INC-1");
        core.clock.advance(Duration.ofDays(8));
        archiveNow();

        Reply refused = core.run("alice", "/incident reopen INC-1");

        assertThat(refused.text()).startsWith("INC-1 is closed; declare a new incident");
        assertThat(ids(archive)).containsExactly("INC-1");
        assertThat(ids(working)).isEmpty();
    }

    @Test
    void aCrashAfterCopyingToTheArchiveLeavesOneVisibleIncidentAndTheNextRunFinishesTheMove() {
        core.run("bob", "/incident declare sev2 disk full");
        core.run("bob", "/incident resolve INC-1 cleaned up");
        core.clock.advance(Duration.ofDays(8));
        // What a crash between the routine's two steps leaves: the original claimed and copied, not yet deleted.
        archive.insertOne(working.find(Filters.eq("_id", "INC-1")).first());
        working.updateOne(Filters.eq("_id", "INC-1"), Updates.set("archiveClaim", "claim of the crashed run"));

        assertThat(core.incidents.find("INC-1")).isPresent();
        assertThat(ids(core.run("bob", "/incident list").rows())).containsExactly("INC-1");
        assertThat(ids(core.run("bob", "/incident history").rows())).containsExactly("INC-1");

        assertThat(archiveNow()).isEqualTo(1);
        assertThat(ids(working)).isEmpty();
        assertThat(ids(archive)).containsExactly("INC-1");
        assertThat(ids(core.run("bob", "/incident history").rows())).containsExactly("INC-1");
    }

    @Test
    void aStaleCopyLeftInTheArchiveNeverHidesTheNewerWorkingCopy() {
        core.run("bob", "/incident declare sev2 disk full");
        core.run("bob", "/incident resolve INC-1");
        core.clock.advance(Duration.ofDays(8));
        archive.insertOne(working.find(Filters.eq("_id", "INC-1")).first());
        // Changed after the interrupted copy was made: the working copy is newer and not archivable.
        core.run("alice", "/incident reopen INC-1");

        assertThat(archiveNow()).isZero();
        assertThat(core.incidents.find("INC-1")).get().extracting(Incident::status).isEqualTo(IncidentStatus.DECLARED);
        core.run("alice", "/incident ack INC-1");
        assertThat(core.incidents.find("INC-1")).get().extracting(Incident::status)
                .isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(ids(core.run("bob", "/incident history").rows())).containsExactly("INC-1");
    }

    @Test
    void aCopyLeftByAnInterruptedEarlierMoveIsReplacedByTheCurrentState() {
        core.run("bob", "/incident declare sev2 disk full");
        core.run("bob", "/incident resolve INC-1");
        Document resolved = working.find(Filters.eq("_id", "INC-1")).first();
        core.run("bob", "/incident close INC-1");
        core.clock.advance(Duration.ofDays(8));
        archive.insertOne(resolved);

        assertThat(archiveNow()).isEqualTo(1);

        assertThat(core.incidents.find("INC-1")).get().extracting(Incident::status).isEqualTo(IncidentStatus.CLOSED);
    }

    private int archiveNow() {
        Instant now = core.clock.instant();
        return core.incidents.archive(now.minus(AGE));
    }

    private static List<String> ids(MongoCollection<Document> collection) {
        List<String> out = new ArrayList<>();
        collection.find().forEach(d -> out.add(d.getString("_id")));
        out.sort(null);
        return out;
    }

    private static List<String> ids(List<String> rows) {
        return rows.stream().map(r -> Inline.plain(r).split(" ")[0]).toList();
    }
}
