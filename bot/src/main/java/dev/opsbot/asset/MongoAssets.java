package dev.opsbot.asset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.opsbot.chat.Actor;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Assets in {@code assets}, the name as {@code _id}. {@code asset_addresses} files each asset
 * under its address keys ({@link Addresses#keys}), so finding the asset behind an alert's instance
 * is a lookup by {@code _id} on every store rather than a scan. The filing follows the asset's
 * write; a crash between the two can leave a stale or missing entry, so readers check the asset
 * itself, and the next change of that asset's address files it again.
 */
final class MongoAssets implements Assets {

    private static final int BATCH = 500;

    private final MongoAggregates<Asset> assets;
    private final MongoCollection<Document> addresses;

    MongoAssets(MongoDatabase db) {
        MongoCollection<Document> collection = db.getCollection("assets");
        for (String field : List.of("type", "env", "site", "service", "state")) {
            collection.createIndex(Indexes.ascending(field));
        }
        collection.createIndex(Indexes.ascending("owner.platform", "owner.id"));
        this.assets = new MongoAggregates<>(collection, new Codec());
        this.addresses = db.getCollection("asset_addresses");
    }

    @Override
    public boolean add(Asset asset) {
        boolean added = assets.add(asset);
        if (added) {
            file(asset.name(), null, asset.address());
        }
        return added;
    }

    @Override
    public Optional<Asset> find(String name) {
        return assets.find(name);
    }

    @Override
    public List<Asset> findAll(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return assets.find(Filters.in("_id", names), Sorts.ascending("_id"), names.size());
    }

    @Override
    public Optional<Change> update(String name, UnaryOperator<Asset> change) {
        Optional<Change> done = assets.update(name, change).map(c -> new Change(c.before(), c.after()));
        done.filter(c -> !java.util.Objects.equals(c.before().address(), c.after().address()))
                .ifPresent(c -> file(name, c.before().address(), c.after().address()));
        return done;
    }

    @Override
    public Page page(Query query, long skip, int limit) {
        Bson filter = filter(query);
        long total = assets.collection().countDocuments(filter);
        List<Asset> items = new ArrayList<>();
        for (Document d : assets.collection().find(filter).sort(Sorts.ascending("_id")).skip((int) skip).limit(limit)) {
            items.add(new Codec().decode(d));
        }
        return new Page(items, total);
    }

    @Override
    public void each(Consumer<Asset> visit) {
        String after = "";
        while (true) {
            List<Asset> batch = assets.find(Filters.gt("_id", after), Sorts.ascending("_id"), BATCH);
            batch.forEach(visit);
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).name();
        }
    }

    @Override
    public List<Asset> startingWith(String prefix, int limit) {
        Bson filter = prefix.isEmpty() ? new Document()
                : Filters.and(Filters.gte("_id", prefix), Filters.lt("_id", prefix + Character.MAX_VALUE));
        return assets.find(filter, Sorts.ascending("_id"), limit);
    }

    @Override
    public Set<String> atAddress(String address) {
        Document d = addresses.find(Filters.eq("_id", address)).first();
        Set<String> names = new TreeSet<>();
        if (d != null) {
            d.getList("assets", String.class, List.of()).forEach(names::add);
        }
        return names;
    }

    @Override
    public List<Asset> ownedBy(Actor owner, int limit) {
        return assets.find(Filters.and(Filters.eq("owner.platform", owner.platform().key()),
                Filters.eq("owner.id", owner.id())), Sorts.ascending("_id"), limit);
    }

    private void file(String name, String oldAddress, String newAddress) {
        Set<String> keep = Addresses.keys(newAddress);
        for (String key : Addresses.keys(oldAddress)) {
            if (!keep.contains(key)) {
                addresses.updateOne(Filters.eq("_id", key), Updates.pull("assets", name));
            }
        }
        for (String key : keep) {
            addresses.updateOne(Filters.eq("_id", key), Updates.addToSet("assets", name),
                    new UpdateOptions().upsert(true));
        }
    }

    private static Bson filter(Query q) {
        List<Bson> all = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", q.type());
        fields.put("env", q.env());
        fields.put("site", q.site());
        fields.put("service", q.service());
        fields.put("state", q.state());
        fields.forEach((field, value) -> {
            if (value != null) {
                all.add(Filters.eq(field, value));
            }
        });
        if (q.names() != null) {
            all.add(Filters.in("_id", q.names()));
        }
        if (q.except() != null && !q.except().isEmpty()) {
            all.add(Filters.nin("_id", q.except()));
        }
        return all.isEmpty() ? new Document() : Filters.and(all);
    }

    private static final class Codec implements MongoAggregates.Codec<Asset> {
        @Override
        public Document encode(Asset a) {
            return new Document("_id", a.name())
                    .append("type", a.type())
                    .append("env", a.env())
                    .append("state", a.state())
                    .append("site", a.site())
                    .append("rack", a.rack())
                    .append("owner", MongoActors.encode(a.owner()))
                    .append("service", a.service())
                    .append("address", a.address())
                    .append("probes", a.probes())
                    .append("tags", new Document(new LinkedHashMap<>(a.tags())))
                    .append("addedBy", MongoActors.encode(a.addedBy()))
                    .append("addedAt", MongoActors.date(a.addedAt()));
        }

        @Override
        public Asset decode(Document d) {
            Map<String, String> tags = new LinkedHashMap<>();
            Document t = d.get("tags", Document.class);
            if (t != null) {
                t.forEach((k, v) -> tags.put(k, String.valueOf(v)));
            }
            return new Asset(d.getString("_id"), d.getString("type"), d.getString("env"), d.getString("state"),
                    d.getString("site"), d.getString("rack"), MongoActors.decode(d.get("owner", Document.class)),
                    d.getString("service"), d.getString("address"), d.getList("probes", String.class, List.of()),
                    tags, MongoActors.decode(d.get("addedBy", Document.class)), MongoActors.instant(d, "addedAt"));
        }
    }
}
