package dev.opsbot.asset;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.Refusal;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Importing assets, idempotent by name: a row creates the asset, updates it, or leaves it as it
 * is; a row with a bad value is refused with its line and the reason, and nothing of it is
 * written. CSV is read here; other formats (YAML, in the application) hand in the same rows.
 */
public final class AssetImport {

    /** Refusals listed in a reply; the count says how many there were in all. */
    static final int LISTED = 20;

    private final Inventory inventory;

    public AssetImport(Inventory inventory) {
        this.inventory = inventory;
    }

    /**
     * One row of a file: its line, its values by column, and what is wrong with its shape
     * (too many fields), or null.
     */
    public record Row(int line, Map<String, String> values, String problem) {
        public Row {
            values = Map.copyOf(values);
        }
    }

    public record Refused(int line, String reason) {
    }

    public record Result(int created, int updated, int unchanged, List<Refused> refused) {
        public Result {
            refused = List.copyOf(refused);
        }

        /** One line for the totals, then one per refused row. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(created + " created, " + updated + " updated, " + unchanged + " unchanged, " + refused.size()
                    + " refused.");
            refused.forEach(r -> out.add("line " + r.line() + ": " + r.reason()));
            return out;
        }
    }

    public Result apply(List<Row> rows, Actor by, Instant now) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Refused> refused = new ArrayList<>();
        for (Row row : rows) {
            try {
                if (row.problem() != null) {
                    throw Refusal.badInput("The row is refused: " + row.problem());
                }
                Asset declared = asset(row.values(), by, now);
                Optional<Asset> current = inventory.assets().find(declared.name());
                // A row that names no owner leaves the owner as it is; only a new asset gets the importer.
                Asset wanted = current.isPresent() && blankToNull(row.values().get("owner")) == null
                        ? declared.withOwner(current.get().owner()) : declared;
                if (current.isEmpty()) {
                    inventory.add(wanted, by, now);
                    created++;
                } else if (inventory.replace(wanted, by, now)) {
                    updated++;
                } else {
                    unchanged++;
                }
            } catch (Refusal r) {
                refused.add(new Refused(row.line(), r.getMessage()));
            }
        }
        return new Result(created, updated, unchanged, refused);
    }

    private static Asset asset(Map<String, String> v, Actor by, Instant now) {
        String owner = blankToNull(v.get("owner"));
        return Asset.declare(required(v, "name"), required(v, "type"), required(v, "env"),
                blankToNull(v.get("state")), blankToNull(v.get("site")), blankToNull(v.get("rack")),
                owner == null ? null : owner(owner), blankToNull(v.get("service")), blankToNull(v.get("address")),
                Asset.probes(v.get("probe")), Asset.tags(v.get("tag")), by, now);
    }

    /** An owner as exported ({@code slack:U123}), or {@code @name} for a console user. */
    static Actor owner(String typed) {
        String t = typed.strip();
        if (t.startsWith("@") && t.length() > 1) {
            return Actor.console(t.substring(1));
        }
        return Actor.parseKey(t).orElseThrow(() -> Refusal.badInput("“" + typed + "” is not an owner; write it as "
                + "platform:id, like slack:U123, or @name for a console user."));
    }

    private static String required(Map<String, String> v, String column) {
        String value = blankToNull(v.get(column));
        if (value == null) {
            throw Refusal.badInput("The " + column + " is empty.");
        }
        return value;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A field of an asset as a file holds it; the empty string for nothing. */
    public static String field(Asset a, String column) {
        if (column.equals("name")) {
            return a.name();
        }
        if (column.equals("owner")) {
            return a.owner().key();
        }
        String v = a.value(column);
        return v.equals("-") ? "" : v;
    }

    /** Reads a CSV file and applies it; a file that cannot be read or has a bad header writes nothing. */
    public Result csvFile(Path file, Actor by, Instant now) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return apply(AssetCsv.read(in), by, now);
        }
    }

    /**
     * {@code /asset import <path>}: only in the console, where the file is on the machine of the
     * person typing; from Slack or Discord a path would read the bot server's disk.
     */
    Reply fromConsole(CommandCall call) {
        if (call.actor().platform() != Platform.CONSOLE) {
            throw Refusal.because("Import reads a file on the bot's machine, so it works in the console only; "
                    + "there, or with java -jar opsbot.jar assets import FILE.");
        }
        String typed = call.args().text("path").strip();
        Path file;
        try {
            file = Path.of(typed);
        } catch (RuntimeException e) {
            throw Refusal.badInput("“" + typed + "” is not a path.");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw Refusal.badInput("There is no readable file at “" + typed + "”.");
        }
        if (!typed.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            throw Refusal.badInput("The console imports CSV files; import YAML with java -jar opsbot.jar assets import FILE.");
        }
        Result result;
        try {
            result = csvFile(file, call.actor(), call.now());
        } catch (IOException e) {
            throw Refusal.because("Could not read “" + typed + "”: " + e.getMessage());
        }
        List<String> lines = result.lines();
        Reply.Builder b = Reply.onlyMe("Imported " + file.getFileName()).text(lines.get(0));
        lines.stream().skip(1).limit(LISTED).forEach(b::row);
        if (result.refused().size() > LISTED) {
            b.footer("+" + (result.refused().size() - LISTED) + " more refused rows; the CLI lists every one: "
                    + "java -jar opsbot.jar assets import FILE.");
        }
        return b.build();
    }
}
