package dev.opsbot.change;

import dev.opsbot.asset.AssetGraph;
import dev.opsbot.chat.Actor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An inventory in memory: assets with their services, and who depends on whom, walked upward breadth first. */
final class FakeGraph implements AssetGraph {

    private final Map<String, AssetView> assets = new HashMap<>();
    private final Map<String, List<String>> dependants = new HashMap<>();

    FakeGraph add(String name, String... services) {
        assets.put(name, new AssetView(name, "host", "prod", "active", Actor.console("infra"), List.of(services),
                List.of()));
        return this;
    }

    FakeGraph warning(String name, String warning) {
        AssetView v = assets.get(name);
        List<String> warnings = new ArrayList<>(v.warnings());
        warnings.add(warning);
        assets.put(name, new AssetView(v.name(), v.type(), v.env(), v.state(), v.owner(), v.services(), warnings));
        return this;
    }

    /** {@code dependant} depends on (or runs on) {@code dependency}. */
    FakeGraph dependsOn(String dependant, String dependency) {
        dependants.computeIfAbsent(dependency, k -> new ArrayList<>()).add(dependant);
        return this;
    }

    @Override
    public Optional<AssetView> asset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    @Override
    public Reach upward(Collection<String> assetNames) {
        Set<String> seen = new LinkedHashSet<>(assetNames);
        Deque<String> next = new ArrayDeque<>(assetNames);
        Set<String> reached = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        while (!next.isEmpty()) {
            for (String up : dependants.getOrDefault(next.poll(), List.of())) {
                if (seen.add(up)) {
                    reached.add(up);
                    asset(up).ifPresent(v -> services.addAll(v.services()));
                    next.add(up);
                }
            }
        }
        return new Reach(reached, services);
    }

    @Override
    public Optional<AssetView> byInstance(String instance) {
        return asset(instance);
    }
}
