package dev.opsbot.asset;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Observations a test sets by hand, standing in for what the probes feature records. */
final class FakeObservations implements AssetObservations {

    final Map<String, Observation> seen = new HashMap<>();

    @Override
    public Optional<Observation> last(String asset) {
        return Optional.ofNullable(seen.get(asset));
    }

    @Override
    public Map<String, Observation> all() {
        return Map.copyOf(seen);
    }
}
