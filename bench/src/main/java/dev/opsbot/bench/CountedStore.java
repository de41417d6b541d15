package dev.opsbot.bench;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.opsbot.store.MongoStore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory embedded store exactly as {@code MongoStore.inMemory()} starts it, with a driver
 * listener counting every command sent to it: the store round trips.
 */
final class CountedStore implements AutoCloseable {

    final AtomicLong requestPath = new AtomicLong();
    private final MongoStore store;

    CountedStore() {
        store = MongoStore.inMemory(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                requestPath.incrementAndGet();
            }
        });
    }

    MongoDatabase database() {
        return store.database();
    }

    @Override
    public void close() {
        store.close();
    }
}
