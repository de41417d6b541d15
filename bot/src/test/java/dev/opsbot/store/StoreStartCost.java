package dev.opsbot.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * How long the store takes to open a data file holding {@code n} incidents with the incident
 * indexes declared: the H2 backend as shipped against the embedded store opsbot runs. The file is
 * written once by the shipped backend, as an existing installation's would be; each opening
 * works on a fresh copy. Not a test; run by hand (docs/benchmarks.md, "Durability").
 */
public final class StoreStartCost {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of("/tmp"), "start-cost");
        Path seeded = root.resolve("seeded");
        Files.createDirectories(seeded);
        try (MongoStore store = MongoStore.startEmbedded(
                new H2Backend(MVStore.open(seeded.resolve("opsbot.mv").toString())), "seed", null)) {
            MongoCollection<Document> incidents = store.database().getCollection("incidents");
            declareIndexes(incidents);
            List<Document> batch = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                batch.add(new Document("_id", "INC-" + i).append("title", "db latency " + i).append("severity", "SEV2")
                        .append("status", i % 50 == 0 ? "OPEN" : "CLOSED").append("service", "svc" + i % 20)
                        .append("declaredAt", new Date()).append("owner", new Document("platform", "slack")
                                .append("id", "U" + i % 30)).append("version", 3L));
                if (batch.size() == 1_000) {
                    incidents.insertMany(batch);
                    batch.clear();
                }
            }
        }
        System.out.printf("%d incidents; ms from opening the file to the indexes declared%n", n);
        for (int round = 1; round <= 2; round++) {
            Path shipped = copy(seeded, root.resolve("shipped" + round));
            long t0 = System.nanoTime();
            try (MongoStore store = MongoStore.startEmbedded(
                    new H2Backend(MVStore.open(shipped.resolve("opsbot.mv").toString())), "shipped", null)) {
                declareIndexes(store.database().getCollection("incidents"));
                System.out.printf("H2 backend as shipped: %6d ms%n", (System.nanoTime() - t0) / 1_000_000);
            }
            Path ours = copy(seeded, root.resolve("embedded" + round));
            t0 = System.nanoTime();
            try (MongoStore store = MongoStore.embedded(ours)) {
                declareIndexes(store.database().getCollection("incidents"));
                System.out.printf("embedded store:        %6d ms%n", (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }

    private static void declareIndexes(MongoCollection<Document> incidents) {
        incidents.createIndex(Indexes.ascending("status", "severity", "declaredAt"));
        incidents.createIndex(Indexes.ascending("service", "status"));
        incidents.createIndex(Indexes.ascending("owner.platform", "owner.id", "status"));
    }

    private static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        Files.copy(from.resolve("opsbot.mv"), to.resolve("opsbot.mv"));
        return to;
    }
}
