package dev.opsbot.asset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was last observed of each asset by its probes, kept apart from what people declared: a
 * check never rewrites the declared record, and the inventory reads this to show drift.
 */
public interface AssetObservations {

    Optional<Observation> last(String asset);

    /** The last observation of every asset that has one, by asset name. */
    Map<String, Observation> all();

    static AssetObservations none() {
        return new AssetObservations() {
            @Override
            public Optional<Observation> last(String asset) {
                return Optional.empty();
            }

            @Override
            public Map<String, Observation> all() {
                return Map.of();
            }
        };
    }

    /**
     * One verification of one asset. {@code health} is OK, DEGRADED, UNREACHABLE or UNKNOWN;
     * {@code evidence} has one line per probe ("tcp://db-01:5432 connected in 3 ms"); {@code drift}
     * one sentence per difference from the declared record, empty when reality matches it.
     */
    record Observation(Instant checkedAt, Health health, List<String> evidence, List<String> drift) {

        public Observation {
            evidence = List.copyOf(evidence);
            drift = List.copyOf(drift);
        }
    }

    enum Health {
        OK, DEGRADED, UNREACHABLE, UNKNOWN
    }
}
