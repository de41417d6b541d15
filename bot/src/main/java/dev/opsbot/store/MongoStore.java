package dev.opsbot.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database handle. With a URI it connects to that MongoDB; without one it starts an
 * in-process MongoDB-wire server on loopback backed by an H2 file, so the same driver code runs
 * on a bare machine and keeps its state across restarts.
 *
 * <p>The embedded store commits and syncs its file before it answers a write
 * ({@link EmbeddedBackend}). It serves {@link #CONNECTIONS} connections, each on its own server
 * thread, so a slow command holds up only its own connection; the server locks per collection,
 * so one command on a collection (a query and the write it decides, as in a conditional replace)
 * is atomic, and commands on other collections run alongside it.
 */
public final class MongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

    /** Driver connections to the embedded server: as many commands as run at once. */
    static final int CONNECTIONS = 8;

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
            builder.applyToConnectionPoolSettings(p -> p.maxSize(CONNECTIONS));
        } else if (cs.getWriteConcern() == null) {
            // Acknowledged means on a majority of the replica set and in their journals, so an
            // answered write survives the loss of the primary. A URI that sets w or journal wins.
            builder.writeConcern(WriteConcern.MAJORITY.withJournal(true));
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
        return embedded(dataDir, null);
    }

    /** The file store with a driver listener, so a benchmark can count round trips on the store the app runs. */
    public static MongoStore embedded(Path dataDir, CommandListener listener) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("opsbot.mv").toAbsolutePath();
        return startEmbedded(new EmbeddedBackend(MVStore.open(file.toString())), "embedded store " + file, listener);
    }

    /** An embedded server that keeps nothing on disk: for tests and benchmarks. */
    public static MongoStore inMemory() {
        return inMemory(null);
    }

    /** The in-memory store with a driver listener, so a benchmark can count store round trips. */
    public static MongoStore inMemory(CommandListener listener) {
        return startEmbedded(new EmbeddedBackend(MVStore.open(null)), "in-memory store", listener);
    }

    /** Serves {@code backend} on loopback; package-private so a measurement can compare backends. */
    static MongoStore startEmbedded(H2Backend backend, String description, CommandListener listener) {
        MongoServer server = new MongoServer(backend);
        // A server thread per connection (with room for the driver's monitoring connections):
        // the server runs each connection's commands on one thread, so sharing one would queue them.
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 2 * CONNECTIONS);
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
