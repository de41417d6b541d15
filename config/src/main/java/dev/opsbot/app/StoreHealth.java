package dev.opsbot.app;

import dev.opsbot.store.MongoStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Reports the store in {@code /actuator/health}: up only if a ping round trip succeeds. */
final class StoreHealth implements HealthIndicator {

    private final MongoStore store;

    StoreHealth(MongoStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        Health.Builder builder = store.ping() ? Health.up() : Health.down();
        return builder.withDetail("store", store.description()).build();
    }
}
