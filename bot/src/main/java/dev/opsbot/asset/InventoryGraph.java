package dev.opsbot.asset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The inventory as {@link AssetGraph}: what changes and alerts read, never writing. */
public final class InventoryGraph implements AssetGraph {

    private final Inventory inventory;
    private final AssetRelations relations;

    public InventoryGraph(Inventory inventory, AssetRelations relations) {
        this.inventory = inventory;
        this.relations = relations;
    }

    @Override
    public Optional<AssetView> asset(String name) {
        return inventory.assets().find(name.strip().toLowerCase(Locale.ROOT)).map(this::view);
    }

    @Override
    public Reach upward(Collection<String> assetNames) {
        List<String> starts = assetNames.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        Set<String> assets = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        for (AssetRelations.Step step : relations.walk(starts, true, Integer.MAX_VALUE)) {
            (step.kind().equals("service") ? services : assets).add(step.name());
        }
        return new Reach(assets, services);
    }

    @Override
    public Optional<AssetView> byInstance(String instance) {
        if (instance == null || instance.isBlank()) {
            return Optional.empty();
        }
        Optional<AssetView> byName = asset(instance);
        if (byName.isPresent()) {
            return byName;
        }
        for (String key : Addresses.keys(instance)) {
            for (String name : inventory.assets().atAddress(key)) {
                // The filing may be stale after a crash; the asset's own address decides.
                Optional<Asset> found = inventory.assets().find(name)
                        .filter(a -> Addresses.keys(a.address()).contains(key));
                if (found.isPresent()) {
                    return found.map(this::view);
                }
            }
        }
        return Optional.empty();
    }

    private AssetView view(Asset a) {
        List<String> warnings = new ArrayList<>();
        inventory.observations().last(a.name()).ifPresent(o -> {
            warnings.addAll(o.drift());
            if (o.health() != AssetObservations.Health.OK && o.drift().isEmpty()) {
                warnings.add(a.name() + " was " + o.health().name().toLowerCase(Locale.ROOT) + " when last checked.");
            }
        });
        return new AssetView(a.name(), a.type(), a.env(), a.state(), a.owner(),
                List.copyOf(relations.servicesOf(a)), warnings);
    }
}
