package dev.opsbot.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database handle. With a URI it connects to that MongoDB; without one it starts an
 * in-process MongoDB-wire server on loopback backed by an H2 file, so the same driver code runs
 * on a bare machine and keeps its state across restarts.
 */
public final class MongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

    private final MongoServer embedded;
    private final H2Backend backend;
    private final MongoClient client;
    private final MongoDatabase database;
    private final String description;

    private MongoStore(MongoServer embedded, H2Backend backend, String uri, String databaseName, String description,
            CommandListener listener) {
        this.embedded = embedded;
        this.backend = backend;
        ConnectionString cs = new ConnectionString(uri);
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(cs)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS));
        if (listener != null) {
            builder.addCommandListener(listener);
        }
        if (embedded != null) {
            // The embedded server runs a query and the write that follows it without a lock, so
            // concurrent commands could both match one version. One connection makes it execute
            // one command at a time, which restores MongoDB's single-document atomicity.
            builder.applyToConnectionPoolSettings(p -> p.maxSize(1).minSize(1));
        }
        MongoClientSettings settings = builder.build();
        this.client = MongoClients.create(settings);
        String name = cs.getDatabase() != null ? cs.getDatabase() : databaseName;
        this.database = client.getDatabase(name);
        this.description = description;
    }

    /** Connects to a real MongoDB (a replica set in production). */
    public static MongoStore connect(String uri) {
        return new MongoStore(null, null, uri, "opsbot", "MongoDB at " + redact(uri), null);
    }

    /** Starts the embedded server with its data in {@code dataDir/opsbot.mv}. */
    public static MongoStore embedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("opsbot.mv").toAbsolutePath();
        H2Backend backend = new H2Backend(file.toString());
        return startEmbedded(backend, "embedded store " + file, null);
    }

    /** An embedded server that keeps nothing on disk: for tests and benchmarks. */
    public static MongoStore inMemory() {
        return inMemory(null);
    }

    /** The in-memory store with a driver listener, so a benchmark can count store round trips. */
    public static MongoStore inMemory(CommandListener listener) {
        return startEmbedded(H2Backend.inMemory(), "in-memory store", listener);
    }

    private static MongoStore startEmbedded(H2Backend backend, String description, CommandListener listener) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        log.info("started {} on {}", description, uri);
        return new MongoStore(server, backend, uri, "opsbot", description, listener);
    }

    public MongoDatabase database() {
        return database;
    }

    public String description() {
        return description;
    }

    /** A round trip to the server, for health checks. */
    public boolean ping() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            log.warn("store ping failed: {}", e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.shutdownNow();
            backend.close();
        }
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
