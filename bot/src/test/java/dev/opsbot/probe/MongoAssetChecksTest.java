package dev.opsbot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.asset.AssetObservations.Health;
import dev.opsbot.asset.AssetObservations.Observation;
import dev.opsbot.store.MongoStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoAssetChecksTest {

    private static final Instant AT = Instant.parse("2026-11-30T02:00:00Z");
    private static final List<String> DOWN = List.of("Declared active but unreachable: no probe got an answer.");

    private final MongoStore store = MongoStore.inMemory();
    private final AssetChecks checks = AssetChecks.inMongo(store.database());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keepsTheLastObservationOfEachAsset() {
        checks.record("db-01", new Observation(AT, Health.OK, List.of("tcp://db-01:5432 connected in 2 ms"), List.of()));
        Observation later = new Observation(AT.plusSeconds(60), Health.UNREACHABLE,
                List.of("tcp://db-01:5432 refused the connection"), DOWN);
        checks.record("db-01", later);
        checks.record("web-1", new Observation(AT, Health.UNKNOWN, List.of(), List.of()));

        assertThat(checks.last("db-01")).contains(later);
        assertThat(checks.last("nope")).isEmpty();
        assertThat(checks.all()).containsOnlyKeys("db-01", "web-1").containsEntry("db-01", later);
    }

    @Test
    void manyAssetsAreRecordedInOneWrite() {
        Map<String, Observation> seen = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            seen.put("host-" + i, new Observation(AT, i % 2 == 0 ? Health.OK : Health.UNREACHABLE, List.of("e" + i),
                    i % 2 == 0 ? List.of() : DOWN));
        }
        checks.record(seen);
        assertThat(checks.all()).isEqualTo(seen);
    }

    @Test
    void driftIsClaimedOnceUntilItChangesOrClears() {
        checks.record("db-01", new Observation(AT, Health.UNREACHABLE, List.of(), DOWN));
        assertThat(checks.claimNotice("db-01", DOWN)).isTrue();
        checks.record("db-01", new Observation(AT.plusSeconds(86_400), Health.UNREACHABLE, List.of(), DOWN));
        assertThat(checks.claimNotice("db-01", DOWN)).isFalse();

        List<String> more = List.of(DOWN.get(0), "The certificate on tls://db-01:443 expired on 2026-11-29.");
        assertThat(checks.claimNotice("db-01", more)).isTrue();

        checks.record("db-01", new Observation(AT.plusSeconds(2 * 86_400), Health.OK, List.of(), List.of()));
        checks.record("db-01", new Observation(AT.plusSeconds(3 * 86_400), Health.UNREACHABLE, List.of(), DOWN));
        assertThat(checks.claimNotice("db-01", DOWN)).isTrue();
    }
}
