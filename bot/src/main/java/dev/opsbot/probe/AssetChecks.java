package dev.opsbot.probe;

import dev.opsbot.asset.AssetObservations;
import java.util.List;

/**
 * The last check of each asset ({@code asset_checks}, one document per asset, {@code _id} its
 * name), and which drift its owner has already been told about.
 */
public interface AssetChecks extends AssetObservations {

    static AssetChecks inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoAssetChecks(db);
    }

    /**
     * Replaces what was last seen of each asset, in one write for all of them (a store that syncs
     * every write to disk pays once). An observation without drift forgets the last notice.
     */
    void record(java.util.Map<String, Observation> byAsset);

    default void record(String asset, Observation observation) {
        record(java.util.Map.of(asset, observation));
    }

    /**
     * Claims the telling of {@code drift} for {@code asset}: true for exactly one caller per drift
     * that differs from the last one told, false while the same drift persists. The claim is one
     * conditional update, so two instances running the same schedule tell it once.
     */
    boolean claimNotice(String asset, List<String> drift);
}
