package dev.opsbot.incident;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Fills a store with incident history fast, for size tests and the benchmark: documents are built
 * by the incidents' own rules and stored through the same encoding {@link MongoIncidents} uses,
 * archived history in batches with {@code insertMany}. Numbers run from INC-1, oldest first, and
 * the INC counter is left at the last, so the next declaration continues the sequence.
 */
public final class SeededIncidents {

    private static final int BATCH = 1000;
    private static final List<String> SERVICES = List.of("payments", "auth", "search", "checkout", "storage");

    private SeededIncidents() {
    }

    /**
     * Stores {@code archived} closed incidents in the archive, finished long before {@code now},
     * then {@code working} in the working set: the first half open (a third of those not yet
     * acknowledged), the rest resolved within the last day.
     */
    public static void seed(MongoDatabase db, int archived, int working, Instant now) {
        MongoCollection<Document> archive = db.getCollection(MongoIncidents.ARCHIVE);
        List<Document> batch = new ArrayList<>(BATCH);
        Instant start = now.minus(Duration.ofDays(30)).minus(Duration.ofMinutes(10L * archived));
        for (int n = 1; n <= archived; n++) {
            batch.add(stored(closed(n, start.plus(Duration.ofMinutes(10L * n)))));
            if (batch.size() == BATCH) {
                archive.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            archive.insertMany(batch);
        }
        MongoCollection<Document> workingSet = db.getCollection(MongoIncidents.WORKING);
        for (int k = 0; k < working; k++) {
            int n = archived + 1 + k;
            Instant declared = now.minus(Duration.ofHours(12)).plus(Duration.ofSeconds(k));
            workingSet.insertOne(stored(k < working / 2 ? open(n, declared, k) : resolved(n, declared)));
        }
        db.getCollection("counters").replaceOne(Filters.eq("_id", "INC"),
                new Document("_id", "INC").append("value", (long) archived + working), new ReplaceOptions().upsert(true));
    }

    private static Document stored(Incident i) {
        Document d = MongoIncidents.CODEC.encode(i);
        d.put("version", 0L);
        return d;
    }

    private static Incident declared(int n, Instant at) {
        Actor by = Actor.console("user" + (n % 40));
        return Incident.declare("INC-" + n, Severity.values()[n % 4], "seeded incident " + n, SERVICES.get(n % 5),
                ChannelRef.console("ops"), by, at);
    }

    private static Incident closed(int n, Instant at) {
        Actor responder = Actor.console("oncall" + (n % 7));
        return declared(n, at).acknowledge(responder, at.plusSeconds(120))
                .resolve(responder, "fixed", at.plusSeconds(1800))
                .close(responder, at.plusSeconds(3600));
    }

    private static Incident open(int n, Instant at, int k) {
        Incident i = declared(n, at);
        return k % 3 == 0 ? i : i.acknowledge(Actor.console("oncall" + (n % 7)), at.plusSeconds(60));
    }

    private static Incident resolved(int n, Instant at) {
        Actor responder = Actor.console("oncall" + (n % 7));
        return declared(n, at).acknowledge(responder, at.plusSeconds(60)).resolve(responder, "fixed", at.plusSeconds(600));
    }
}
