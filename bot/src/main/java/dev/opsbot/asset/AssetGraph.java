package dev.opsbot.asset;

import dev.opsbot.chat.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inventory as other features ask it: changes for their impact, alerts to find the service
 * behind an instance. Reading it never writes.
 */
public interface AssetGraph {

    /** An asset by its name. */
    Optional<AssetView> asset(String name);

    /**
     * What breaks if these assets break: every asset and service reached upward (through
     * {@code depends-on} and {@code runs-on}, followed from the dependency to the dependant),
     * not including the starting assets themselves.
     */
    Reach upward(Collection<String> assetNames);

    /**
     * The asset an alert's {@code instance} label names: by asset name, or by its address with or
     * without the port ({@code db-01:9100} finds an asset at {@code db-01} or {@code db-01:9100}).
     */
    Optional<AssetView> byInstance(String instance);

    /** A graph with no assets, for a store where the inventory is not kept. */
    static AssetGraph none() {
        return new AssetGraph() {
            @Override
            public Optional<AssetView> asset(String name) {
                return Optional.empty();
            }

            @Override
            public Reach upward(Collection<String> assetNames) {
                return new Reach(Set.of(), Set.of());
            }

            @Override
            public Optional<AssetView> byInstance(String instance) {
                return Optional.empty();
            }
        };
    }

    /**
     * What other features need of one asset. {@code services} are those it is linked to directly;
     * {@code warnings} are its current drift and failing probes in one sentence each, empty when
     * it was last seen as declared.
     */
    record AssetView(String name, String type, String env, String state, Actor owner, List<String> services,
            List<String> warnings) {

        public AssetView {
            services = List.copyOf(services);
            warnings = List.copyOf(warnings);
        }
    }

    /** Asset and service names reached, each set sorted by name. */
    record Reach(Set<String> assets, Set<String> services) {

        public Reach {
            assets = Set.copyOf(assets);
            services = Set.copyOf(services);
        }
    }
}
