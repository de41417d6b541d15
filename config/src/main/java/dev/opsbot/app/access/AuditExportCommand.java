package dev.opsbot.app.access;

import dev.opsbot.audit.AuditExport;
import dev.opsbot.store.MongoStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar opsbot.jar audit-export [--since 1d|2026-11-01T00:00:00Z]}: the audit log as
 * JSON lines on stdout, from {@code MONGODB_URI} or the embedded store in {@code OPSBOT_DATA_DIR}
 * (or {@code --opsbot.data-dir=…}). The embedded store's file is locked while opsbot runs on it,
 * so export from it with opsbot stopped, or use MongoDB.
 */
public final class AuditExportCommand {

    private AuditExportCommand() {
    }

    /** The exit status of a usage mistake (a bad {@code --since}) and of a store that could not be read. */
    public static final int BAD_USAGE = 2;
    public static final int FAILED = 1;

    /**
     * Runs the export and returns the process's exit status: 0 when every entry was written, else
     * {@link #BAD_USAGE} or {@link #FAILED} with one sentence on {@code err}, so a SIEM job notices.
     */
    public static int run(List<String> words, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        Optional<Instant> since = Optional.of(Instant.EPOCH);
        int at = words.indexOf("--since");
        if (at >= 0) {
            since = at + 1 < words.size() ? AuditExport.since(words.get(at + 1), clock.instant()) : Optional.empty();
        }
        if (since.isEmpty()) {
            err.println("audit-export: --since takes a span such as 1d or 12h, or an instant such as 2026-11-01T00:00:00Z.");
            return BAD_USAGE;
        }
        String uri = env.getOrDefault("MONGODB_URI", "");
        try (MongoStore store = uri.isBlank() ? MongoStore.embedded(dataDir(words, env)) : MongoStore.connect(uri)) {
            AuditExport.inMongo(store.database()).write(since.get(), out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            err.println("audit-export: could not read the audit log (" + e.getMessage() + ").");
            return FAILED;
        }
        return 0;
    }

    private static Path dataDir(List<String> words, Map<String, String> env) {
        for (String w : words) {
            if (w.startsWith("--opsbot.data-dir=")) {
                return Path.of(w.substring("--opsbot.data-dir=".length()));
            }
        }
        String dir = env.getOrDefault("OPSBOT_DATA_DIR", "");
        return Path.of(dir.isBlank() ? "./data" : dir);
    }
}
