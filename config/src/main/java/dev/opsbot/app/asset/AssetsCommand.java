package dev.opsbot.app.asset;

import dev.opsbot.asset.Asset;
import dev.opsbot.asset.AssetCsv;
import dev.opsbot.asset.AssetImport;
import dev.opsbot.asset.AssetJournal;
import dev.opsbot.asset.AssetObservations;
import dev.opsbot.asset.Assets;
import dev.opsbot.asset.Inventory;
import dev.opsbot.audit.AuditTrail;
import dev.opsbot.audit.IndexedAuditLog;
import dev.opsbot.chat.Actor;
import dev.opsbot.command.Refusal;
import dev.opsbot.incident.Incidents;
import dev.opsbot.service.Services;
import dev.opsbot.store.MongoAuditLog;
import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar opsbot.jar assets import FILE [--as platform:id]} (CSV, or YAML for a file
 * ending .yaml/.yml) and {@code assets export [--format csv|yaml]}, on {@code MONGODB_URI} or the
 * embedded store in {@code OPSBOT_DATA_DIR} (locked while opsbot runs on it). Import prints one
 * line of totals and one per refused row; rows without an owner are owned by {@code --as}
 * (default {@code console:import}), who is also recorded as having made the change.
 */
public final class AssetsCommand {

    public static final int FAILED = 1;
    public static final int BAD_USAGE = 2;
    /** The import ran, but some rows were refused and are listed. */
    public static final int ROWS_REFUSED = 3;

    private AssetsCommand() {
    }

    public static int run(List<String> words, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--as") || w.equals("--format")) {
                i++;
            } else if (!w.startsWith("--")) {
                plain.add(w);
            }
        }
        String action = plain.size() > 1 ? plain.get(1) : "";
        if (action.equals("import") && plain.size() == 3) {
            return importFile(Path.of(plain.get(2)), option(words, "--as", "console:import"), words, out, err, env, clock);
        }
        if (action.equals("export") && plain.size() == 2) {
            String format = option(words, "--format", "csv").toLowerCase(Locale.ROOT);
            if (!format.equals("csv") && !format.equals("yaml")) {
                err.println("assets export: --format takes csv or yaml.");
                return BAD_USAGE;
            }
            return export(format, words, out, err, env);
        }
        err.println("usage: assets import FILE [--as platform:id] | assets export [--format csv|yaml]");
        return BAD_USAGE;
    }

    private static int importFile(Path file, String as, List<String> words, PrintStream out, PrintStream err, Map<String, String> env,
            Clock clock) {
        Actor by;
        List<AssetImport.Row> rows;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            by = Actor.parseKey(as).orElseThrow(() -> Refusal.badInput("--as takes platform:id, like slack:U123."));
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            rows = name.endsWith(".yaml") || name.endsWith(".yml") ? AssetYaml.read(in) : AssetCsv.read(in);
        } catch (IOException e) {
            err.println("assets import: could not read " + file + " (" + e.getMessage() + ").");
            return BAD_USAGE;
        } catch (Refusal | org.yaml.snakeyaml.error.YAMLException e) {
            err.println("assets import: " + e.getMessage() + " Nothing was imported.");
            return BAD_USAGE;
        }
        try (MongoStore store = open(dataDir(words, env), env, err, "import")) {
            if (store == null) {
                return FAILED;
            }
            AssetImport.Result result = new AssetImport(inventory(store)).apply(rows, by, clock.instant());
            result.lines().forEach(out::println);
            out.flush();
            return result.refused().isEmpty() ? 0 : ROWS_REFUSED;
        } catch (RuntimeException e) {
            err.println("assets import: the store failed (" + e.getMessage() + "); rows before it were written, "
                    + "import again to finish.");
            return FAILED;
        }
    }

    private static int export(String format, List<String> words, PrintStream out, PrintStream err, Map<String, String> env) {
        try (MongoStore store = open(dataDir(words, env), env, err, "export")) {
            if (store == null) {
                return FAILED;
            }
            List<Asset> all = new ArrayList<>();
            Assets.inMongo(store.database()).each(all::add);
            if (format.equals("yaml")) {
                out.print(AssetYaml.write(all));
            } else {
                out.println(AssetCsv.header());
                all.forEach(a -> out.println(AssetCsv.line(a)));
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("assets export: could not read the inventory (" + e.getMessage() + ").");
            return FAILED;
        }
    }

    private static Inventory inventory(MongoStore store) {
        var db = store.database();
        return new Inventory(Assets.inMongo(db), AssetJournal.inMongo(db),
                new IndexedAuditLog(new MongoAuditLog(db), AuditTrail.inMongo(db)), Services.inMongo(db),
                Incidents.inMongo(db, new MongoCounters(db)), AssetObservations.none(),
                java.time.Duration.ofDays(AssetConfiguration.DEFAULT_STALE_DAYS));
    }

    /** {@code --opsbot.data-dir=…}, else {@code OPSBOT_DATA_DIR}, else ./data, as the bot itself reads it. */
    private static Path dataDir(List<String> words, Map<String, String> env) {
        String given = option(words, "--opsbot.data-dir", env.getOrDefault("OPSBOT_DATA_DIR", ""));
        return Path.of(given.isBlank() ? "./data" : given);
    }

    private static MongoStore open(Path dataDir, Map<String, String> env, PrintStream err, String what) {
        String uri = env.getOrDefault("MONGODB_URI", "");
        try {
            return uri.isBlank() ? MongoStore.embedded(dataDir) : MongoStore.connect(uri);
        } catch (RuntimeException e) {
            err.println("assets " + what + ": could not open the store (" + e.getMessage() + ").");
            return null;
        }
    }

    private static String option(List<String> words, String name, String otherwise) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals(name) && i + 1 < words.size()) {
                return words.get(i + 1);
            }
            if (words.get(i).startsWith(name + "=")) {
                return words.get(i).substring(name.length() + 1);
            }
        }
        return otherwise;
    }
}
