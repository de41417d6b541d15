package dev.opsbot.probe;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.opsbot.store.MongoActors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code asset_checks}: {@code _id} the asset's name, the last observation, and {@code noticed}: the
 * drift last told, joined into one string so "not the same as told" is a plain {@code $ne}.
 */
final class MongoAssetChecks implements AssetChecks {

    private final MongoCollection<Document> checks;

    MongoAssetChecks(MongoDatabase db) {
        this.checks = db.getCollection("asset_checks");
    }

    @Override
    public void record(Map<String, Observation> byAsset) {
        if (byAsset.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(byAsset.size());
        byAsset.forEach((asset, o) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", asset), changes(o),
                new UpdateOptions().upsert(true))));
        checks.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static Bson changes(Observation o) {
        List<Bson> set = new ArrayList<>(List.of(Updates.set("checkedAt", MongoActors.date(o.checkedAt())),
                Updates.set("health", o.health().name()), Updates.set("evidence", o.evidence()),
                Updates.set("drift", o.drift())));
        if (o.drift().isEmpty()) {
            set.add(Updates.set("noticed", ""));
        }
        return Updates.combine(set);
    }

    @Override
    public boolean claimNotice(String asset, List<String> drift) {
        String told = String.join("\n", drift);
        return checks.updateOne(Filters.and(Filters.eq("_id", asset), Filters.ne("noticed", told)),
                Updates.set("noticed", told)).getModifiedCount() == 1;
    }

    @Override
    public Optional<Observation> last(String asset) {
        return Optional.ofNullable(checks.find(Filters.eq("_id", asset)).first()).map(MongoAssetChecks::decode);
    }

    @Override
    public Map<String, Observation> all() {
        Map<String, Observation> out = new LinkedHashMap<>();
        for (Document d : checks.find()) {
            out.put(d.getString("_id"), decode(d));
        }
        return out;
    }

    private static Observation decode(Document d) {
        return new Observation(MongoActors.instant(d, "checkedAt"), Health.valueOf(d.getString("health")),
                d.getList("evidence", String.class, List.of()), d.getList("drift", String.class, List.of()));
    }
}
