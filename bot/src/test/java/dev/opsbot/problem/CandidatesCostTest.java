package dev.opsbot.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.opsbot.chat.Reply;
import dev.opsbot.incident.SeededIncidents;
import dev.opsbot.store.MongoStore;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * {@code /problem candidates} reads the incidents of its window and no more: the same store
 * commands at 1,000 and 6,000 archived incidents older than the window, the working set read whole
 * and the archive only by {@code _id}.
 */
class CandidatesCostTest {

    private static final int WORKING = 60;

    @Test
    void candidatesCostTheSameAtAnyHistorySizeAndReadIncidentsOnlyById() {
        Run small = run(1_000);
        Run large = run(6_000);

        assertThat(large.commands()).isEqualTo(small.commands());
        // The archive is reached once, by id: for the first incident older than the window, which ends the walk.
        assertThat(large.archiveFilters()).singleElement().satisfies(f -> assertThat(f.keySet())
                .containsExactly("_id"));
        // The seeded window: 60 incidents titled alike, spread over five services.
        assertThat(large.reply().title()).isEqualTo("5 candidate problems in the last 7 days");
        assertThat(large.reply().rows()).allSatisfy(r -> assertThat(r).contains("12 incidents").endsWith(" and 2 more"));
    }

    @Test
    void aWindowPastTheReadingLimitSaysHowMuchWasRead() {
        try (ProblemFixture f = new ProblemFixture()) {
            SeededIncidents.seed(f.core.store.database(), 10, Candidates.MOST_READ + 100, f.core.clock.instant());
            long began = System.nanoTime();
            Reply reply = f.run("bob", "/problem candidates --days 1");
            System.out.printf("problem candidates over %,d incidents: %d ms%n", Candidates.MOST_READ,
                    (System.nanoTime() - began) / 1_000_000);

            assertThat(reply.text()).contains("Only the newest 2,000 incidents were read; a shorter --days reads them "
                    + "all.");
            assertThat(reply.rows()).hasSize(5).allSatisfy(r -> assertThat(r).contains("400 incidents"));
        }
    }

    private record Run(List<String> commands, List<BsonDocument> archiveFilters, Reply reply) {
    }

    private static Run run(int archived) {
        List<CommandStartedEvent> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<BsonDocument> filters = new ArrayList<>();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // The event's document is backed by a buffer the driver reuses once the command is sent.
                BsonDocument body = event.getCommand().clone();
                String target = body.isString(event.getCommandName())
                        ? body.getString(event.getCommandName()).getValue() : "";
                names.add(event.getCommandName() + " " + target);
                String name = event.getCommandName();
                // A count without a query is the stored total; anything else on the archive is a read to check.
                boolean total = name.equals("count") && body.getDocument("query", new BsonDocument()).isEmpty();
                if (target.equals("incidents_archive") && !total) {
                    filters.add(name.equals("find") ? body.getDocument("filter", new BsonDocument())
                            : new BsonDocument(name, body.get(name)));
                }
            }
        };
        try (ProblemFixture f = new ProblemFixture(MongoStore.inMemory(listener))) {
            SeededIncidents.seed(f.core.store.database(), archived, WORKING, f.core.clock.instant());
            f.run("warm", "/problem list");
            names.clear();
            filters.clear();
            Reply reply = f.run("bob", "/problem candidates --days 7");
            return new Run(List.copyOf(names), List.copyOf(filters), reply);
        }
    }
}
