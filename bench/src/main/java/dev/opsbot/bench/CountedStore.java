package dev.opsbot.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory embedded store as {@code MongoStore.inMemory()} starts it (H2 in memory, wire
 * server on loopback, the same client settings), with a driver listener counting every command
 * sent to it: the store round trips.
 */
final class CountedStore implements AutoCloseable {

    final AtomicLong requestPath = new AtomicLong();
    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;

    CountedStore() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                requestPath.incrementAndGet();
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .addCommandListener(counter)
                .build());
        database = client.getDatabase("opsbot");
    }

    MongoDatabase database() {
        return database;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
