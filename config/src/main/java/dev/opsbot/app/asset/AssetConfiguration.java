package dev.opsbot.app.asset;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.access.ItemServices;
import dev.opsbot.app.BadSetting;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.asset.AssetCommands;
import dev.opsbot.asset.AssetGraph;
import dev.opsbot.asset.AssetJournal;
import dev.opsbot.asset.AssetLinks;
import dev.opsbot.asset.AssetObservations;
import dev.opsbot.asset.AssetOwners;
import dev.opsbot.asset.AssetRelations;
import dev.opsbot.asset.AssetSuggestions;
import dev.opsbot.asset.AssetVerifier;
import dev.opsbot.asset.Assets;
import dev.opsbot.asset.Asset;
import dev.opsbot.asset.Inventory;
import dev.opsbot.asset.InventoryAudit;
import dev.opsbot.asset.InventoryGraph;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.incident.Incidents;
import dev.opsbot.service.Services;
import dev.opsbot.store.AuditLog;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The inventory. What probes observed ({@link AssetObservations}) and live verification
 * ({@link AssetVerifier}) come from the probes feature when it is wired; without it the inventory
 * shows nothing observed and {@code /asset verify} says verification is not available.
 * {@code OPSBOT_ASSET_STALE_DAYS} (default 30) is when an unverified asset counts as stale.
 */
@Configuration(proxyBeanMethods = false)
public class AssetConfiguration {

    static final int DEFAULT_STALE_DAYS = 30;

    @Bean
    Assets assets(MongoDatabase db) {
        return Assets.inMongo(db);
    }

    @Bean
    AssetLinks assetLinks(MongoDatabase db) {
        return AssetLinks.inMongo(db);
    }

    @Bean
    AssetJournal assetJournal(MongoDatabase db) {
        return AssetJournal.inMongo(db);
    }

    @Bean
    Inventory inventory(Assets assets, AssetJournal journal, AuditLog audit, Services services, Incidents incidents,
            ObjectProvider<AssetObservations> observations, OpsbotSettings settings, Environment env) {
        return new Inventory(assets, journal, audit, services, incidents,
                observations.getIfAvailable(AssetObservations::none), staleAfter(env));
    }

    @Bean
    AssetRelations assetRelations(Inventory inventory, AssetLinks links) {
        return new AssetRelations(inventory, links);
    }

    @Bean
    AssetGraph assetGraph(Inventory inventory, AssetRelations relations) {
        return new InventoryGraph(inventory, relations);
    }

    @Bean
    CommandRoot.Binding<AssetCommands> assetCommands(Inventory inventory, AssetRelations relations, AssetLinks links,
            ObjectProvider<AssetVerifier> verifier) {
        return AssetCommands.ROOT.handledBy(new AssetCommands(inventory, relations,
                new InventoryAudit(inventory, links), verifier.getIfAvailable(AssetVerifier::unavailable)));
    }

    /** After open incidents and services, so an item option offers those first. */
    @Bean
    @Order(2)
    AssetSuggestions assetSuggestions(Assets assets, Services services) {
        return new AssetSuggestions(assets, services);
    }

    @Bean
    AssetOwners assetOwners(Assets assets, Services services, AssetJournal journal, OpsbotSettings settings,
            Environment env) {
        return new AssetOwners(assets, services, journal,
                settings.incidentChannels(OpsbotSettings.chatPlatforms(env::getProperty)).get(0));
    }

    /** An asset belongs to the service it declares, so a grant on that service covers its asset commands. */
    @Bean
    ItemServices assetServices(Assets assets) {
        return item -> Asset.NAME.matcher(item.toLowerCase(Locale.ROOT)).matches()
                ? assets.find(item.toLowerCase(Locale.ROOT)).map(Asset::service)
                : java.util.Optional.empty();
    }

    static Duration staleAfter(Environment env) {
        String value = env.getProperty("OPSBOT_ASSET_STALE_DAYS", "");
        if (value.isBlank()) {
            return Duration.ofDays(DEFAULT_STALE_DAYS);
        }
        return Duration.ofDays(BadSetting.wholeNumber("OPSBOT_ASSET_STALE_DAYS", value, 1, 3650,
                "a whole number of days from 1 to 3650, e.g. 30"));
    }
}
