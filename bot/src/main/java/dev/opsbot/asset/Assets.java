package dev.opsbot.asset;

import dev.opsbot.chat.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Every asset, one document each, keyed by name. */
public interface Assets {

    static Assets inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoAssets(db);
    }

    /** Stores a new asset; false, and nothing written, if the name is taken. */
    boolean add(Asset asset);

    Optional<Asset> find(String name);

    /** Several by name in one read; names not stored are left out. */
    List<Asset> findAll(Collection<String> names);

    /** Applies a change if the asset exists, never losing a concurrent change. */
    Optional<Change> update(String name, UnaryOperator<Asset> change);

    /** One page of the assets a query selects, by name, with how many it selects in all. */
    Page page(Query query, long skip, int limit);

    /** Every asset, by name, a batch at a time; for audits and exports. */
    void each(Consumer<Asset> visit);

    /** The first {@code limit} assets whose names start with {@code prefix}, by name. */
    List<Asset> startingWith(String prefix, int limit);

    /** Names of assets declared at this address ({@code host:port}, a URL, or a host alone). */
    Set<String> atAddress(String address);

    List<Asset> ownedBy(Actor owner, int limit);

    record Change(Asset before, Asset after) {
    }

    record Page(List<Asset> items, long total) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * What {@code /asset list} narrows by; null means any. {@code names}, when not null, keeps only
     * those assets (drift comes from observations), {@code except} leaves those out (fresh ones, for stale).
     */
    record Query(String type, String env, String site, String service, String state, Set<String> names,
            Set<String> except) {

        public static Query any() {
            return new Query(null, null, null, null, null, null, null);
        }
    }
}
