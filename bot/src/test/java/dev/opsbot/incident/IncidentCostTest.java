package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.CoreFixture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

/**
 * What list, show, ack, declare and history cost does not grow with the history: the same store
 * commands at 1,000 and 6,000 archived incidents, and every command that reaches the archive is a
 * lookup of one {@code _id}, the one query the embedded store serves without reading the collection.
 */
class IncidentCostTest {

    private static final int WORKING = 40;
    private static final List<String> LINES = List.of(
            "/incident list",
            "/incident list --open --sev sev1",
            "/incident list --page 2",
            "/incident show INC-10",
            "/incident ack #first-open",
            "/incident declare sev2 \"new trouble\"",
            "/incident history",
            "/incident history --before INC-500",
            "/incident history --sev sev1 --service auth");

    @Test
    void everyIncidentCommandCostsTheSameStoreCommandsAtAnyHistorySizeAndTouchesTheArchiveOnlyById() {
        Run small = run(1_000);
        Run large = run(6_000);

        assertThat(large.commandsPerLine).isEqualTo(small.commandsPerLine);
        assertThat(large.archiveFilters).isNotEmpty().allSatisfy(f -> assertThat(isOneIdLookup(f))
                .as("archive filter %s", f).isTrue());
        assertThat(small.archiveFilters).allSatisfy(f -> assertThat(isOneIdLookup(f)).as("archive filter %s", f)
                .isTrue());
        // The history pages really read the archive, page by page.
        assertThat(large.replies.get("/incident history").title()).isEqualTo("History: INC-6041 to INC-6022");
        assertThat(Inline.plain(large.replies.get("/incident history --before INC-500").footer()))
                .isEqualTo("Older: /incident history --before INC-480.");
        assertThat(large.replies.get("/incident history").text()).startsWith("About 6,041 incidents in all");
        assertThat(large.replies.get("/incident show INC-10").title()).contains("INC-10");
    }

    private static boolean isOneIdLookup(BsonDocument filter) {
        if (filter.size() != 1 || !filter.containsKey("_id")) {
            return false;
        }
        BsonValue id = filter.get("_id");
        return !id.isDocument();
    }

    private record Command(String name, BsonDocument body) {
    }

    private record Run(Map<String, Integer> commandsPerLine, List<BsonDocument> archiveFilters,
            Map<String, Reply> replies) {
    }

    private static Run run(int archived) {
        List<Command> seen = new ArrayList<>();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // The event's document is backed by a buffer the driver reuses once the command is sent.
                seen.add(new Command(event.getCommandName(), event.getCommand().clone()));
            }
        };
        Map<String, Integer> perLine = new LinkedHashMap<>();
        Map<String, Reply> replies = new LinkedHashMap<>();
        List<BsonDocument> archiveFilters = new ArrayList<>();
        try (CoreFixture core = new CoreFixture(MongoStore.inMemory(listener))) {
            SeededIncidents.seed(core.store.database(), archived, WORKING, core.clock.instant());
            String firstOpen = "INC-" + (archived + 1);
            core.run("warm", "/incident show " + firstOpen);
            for (String line : LINES) {
                seen.clear();
                Reply reply = core.run("bob", line.replace("#first-open", firstOpen));
                replies.put(line, reply);
                perLine.put(line, seen.size());
                for (Command e : seen) {
                    archiveFilters.addAll(filtersOn(e, MongoIncidents.ARCHIVE));
                }
            }
        }
        return new Run(perLine, archiveFilters, replies);
    }

    /** The filters a command applies to {@code collection}, whatever kind of command it is. */
    private static List<BsonDocument> filtersOn(Command e, String collection) {
        BsonDocument c = e.body();
        String name = e.name();
        if (!c.containsKey(name) || !c.get(name).isString() || !c.getString(name).getValue().equals(collection)) {
            return List.of();
        }
        List<BsonDocument> out = new ArrayList<>();
        switch (name) {
            case "find" -> out.add(c.getDocument("filter", new BsonDocument()));
            case "findAndModify" -> out.add(c.getDocument("query", new BsonDocument()));
            case "update" -> c.getArray("updates").forEach(u -> out.add(u.asDocument().getDocument("q")));
            case "delete" -> c.getArray("deletes").forEach(d -> out.add(d.asDocument().getDocument("q")));
            case "insert" -> {
            }
            // A count without a query is the stored total (estimatedDocumentCount), no reading needed.
            case "count" -> {
                if (!c.getDocument("query", new BsonDocument()).isEmpty()) {
                    out.add(c.getDocument("query"));
                }
            }
            // Anything else (aggregate, distinct) reads the whole collection: fail on it.
            default -> out.add(new BsonDocument(name, c.get(name)));
        }
        return out;
    }
}
