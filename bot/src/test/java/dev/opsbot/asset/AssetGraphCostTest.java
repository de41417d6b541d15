package dev.opsbot.asset;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.opsbot.store.MongoStore;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * A walk reads only what it reaches: the same walk sends the same commands whether the rest of
 * the graph holds 200 or 4,000 edges, and every read of the relations pins {@code _id}, which the
 * embedded store serves from its index instead of scanning.
 */
class AssetGraphCostTest {

    private record Sent(String name, String collection, BsonDocument filter) {
    }

    @Test
    void upwardSendsTheSameCommandsWhateverTheGraphHolds() {
        List<Sent> small = walkWith(100);
        List<Sent> large = walkWith(2_000);
        assertThat(large).isEqualTo(small);
        assertThat(small).isNotEmpty().allSatisfy(s -> {
            assertThat(s.name()).isEqualTo("find");
            assertThat(s.filter().containsKey("_id")).as("filter %s pins _id", s.filter()).isTrue();
        });
    }

    /** Builds a fixed chain plus {@code unrelated} pairs of other edges, then records what upward() sends. */
    private static List<Sent> walkWith(int unrelated) {
        List<Sent> seen = new ArrayList<>();
        boolean[] recording = {false};
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (recording[0]) {
                    BsonDocument command = event.getCommand().clone();
                    BsonDocument filter = command.containsKey("filter") ? command.getDocument("filter") : new BsonDocument();
                    seen.add(new Sent(event.getCommandName(), command.get(event.getCommandName()).toString(), filter));
                }
            }
        };
        try (MongoStore store = MongoStore.inMemory(listener)) {
            AssetLinks links = AssetLinks.inMongo(store.database());
            link(links, "vm-1", "hv-1");
            link(links, "db-1", "vm-1");
            link(links, "app-1", "db-1");
            for (int i = 0; i < unrelated; i++) {
                link(links, "x-" + i, "y-" + (i % 50));
                link(links, "y-" + (i % 50), "z-" + (i % 7));
            }
            LinksOnly graph = new LinksOnly(links);
            recording[0] = true;
            assertThat(graph.reach("hv-1")).containsExactly("vm-1", "db-1", "app-1");
            recording[0] = false;
        }
        return seen;
    }

    private static void link(AssetLinks links, String from, String to) {
        links.link(new AssetLinks.Node.Ref(from, "asset"), "runs-on", new AssetLinks.Node.Ref(to, "asset"));
    }

    /** The walk as AssetRelations does it, on the links alone (no assets are needed to walk). */
    private record LinksOnly(AssetLinks links) {
        List<String> reach(String start) {
            return new AssetRelations(null, links).walk(List.of(start), true, Integer.MAX_VALUE).stream()
                    .map(AssetRelations.Step::name).toList();
        }
    }
}
