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
 * commands at 1,000 and 6,000 archived incidents older than the window, every one that reaches an
 * incident collection a lookup of one {@code _id}.
 */
class CandidatesCostTest {

    private static final int WORKING = 60;

    @Test
    void candidatesCostTheSameAtAnyHistorySizeAndReadIncidentsOnlyById() {
        Run small = run(1_000);
        Run large = run(6_000);

        assertThat(large.commands()).isEqualTo(small.commands());
        // Besides finds by id, only the stored totals (a count without a query) touch the incident collections.
        assertThat(large.commands()).filteredOn(c -> c.endsWith(" incidents") || c.endsWith(" incidents_archive"))
                .allSatisfy(c -> assertThat(c).matches("(find|count) incidents(_archive)?"));
        // The window's incidents, each found in the working set, and the first older one, found in the archive.
        assertThat(large.incidentFilters()).hasSize(WORKING + 2).allSatisfy(f -> assertThat(f.keySet())
                .as("incident filter %s", f).containsExactly("_id"));
        // The seeded window: 60 incidents titled alike, spread over five services.
        assertThat(large.reply().title()).isEqualTo("5 candidate problems in the last 7 days");
        assertThat(large.reply().rows()).allSatisfy(r -> assertThat(r).contains("12 incidents").endsWith(" and 2 more"));
    }

    private record Run(List<String> commands, List<BsonDocument> incidentFilters, Reply reply) {
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
                if (target.startsWith("incidents") && event.getCommandName().equals("find")) {
                    filters.add(body.getDocument("filter", new BsonDocument()));
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
