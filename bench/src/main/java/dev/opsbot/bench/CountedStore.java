package dev.opsbot.bench;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.opsbot.store.MongoStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded file store exactly as {@code MongoStore.embedded(dataDir)} starts it for the app
 * (commit and fsync per write, several connections), with a driver listener counting every
 * command sent to it — the store round trips — by who sent it: the outbox's delivery thread,
 * the clock (Quartz), or the request path (everything else).
 */
final class CountedStore implements AutoCloseable {

    /** Round trips so far, by who made them. */
    record Trips(long request, long delivery, long clock) {
        Trips minus(Trips earlier) {
            return new Trips(request - earlier.request, delivery - earlier.delivery, clock - earlier.clock);
        }

        long total() {
            return request + delivery + clock;
        }
    }

    private final AtomicLong request = new AtomicLong();
    private final AtomicLong delivery = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    final MongoStore store;

    CountedStore(Path dataDir) {
        store = MongoStore.embedded(dataDir, new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String thread = Thread.currentThread().getName();
                if (thread.startsWith("outbox")) {
                    delivery.incrementAndGet();
                } else if (thread.startsWith("quartz")) {
                    clock.incrementAndGet();
                } else {
                    request.incrementAndGet();
                }
            }
        });
    }

    Trips trips() {
        return new Trips(request.get(), delivery.get(), clock.get());
    }

    MongoDatabase database() {
        return store.database();
    }

    @Override
    public void close() {
        store.close();
    }
}
