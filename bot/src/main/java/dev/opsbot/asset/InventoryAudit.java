package dev.opsbot.asset;

import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code /asset audit}: how far the inventory can be trusted. It reads every asset (a batch at a
 * time), their relations by name and the last observations, so it costs what the inventory
 * holds; it is asked for now and then, not on every message.
 */
public final class InventoryAudit {

    /** Names shown per finding; the count says how many there are in all. */
    static final int NAMED = 10;
    private static final int NODE_BATCH = 500;

    private final Inventory inventory;
    private final AssetLinks links;

    public InventoryAudit(Inventory inventory, AssetLinks links) {
        this.inventory = inventory;
        this.links = links;
    }

    /** What the audit found, each a sorted list of asset names (duplicates: "address: a, b"). */
    record Findings(int assets, List<String> noSite, List<String> noService, List<String> orphans,
            List<String> duplicates, List<String> stale, List<String> drift) {
    }

    Reply report(CommandCall call) {
        Findings f = findings(call.now());
        if (f.assets() == 0) {
            return Reply.note("There are no assets yet; add one with /asset add or /asset import.");
        }
        long stale = inventory.staleAfter().toDays();
        Reply.Builder b = Reply.onlyMe("Inventory audit · " + String.format(Locale.ROOT, "%,d", f.assets())
                + (f.assets() == 1 ? " asset" : " assets"));
        b.text("Every asset has an owner (an asset cannot be added without one).");
        section(b, "No site", f.noSite(), "/asset set <name> site <site>");
        section(b, "No service", f.noService(), "/asset set <name> service <service> or /asset link");
        section(b, "Orphans (no relation)", f.orphans(), "/asset link");
        section(b, "Same address", f.duplicates(), "/asset set <name> address …");
        section(b, "Not verified in " + stale + (stale == 1 ? " day" : " days"), f.stale(), "/asset list --stale");
        section(b, "Drift", f.drift(), "/asset list --drift");
        return b.build();
    }

    private static void section(Reply.Builder b, String label, List<String> names, String fix) {
        if (names.isEmpty()) {
            b.field(label, "none");
            return;
        }
        String shown = String.join(", ", names.subList(0, Math.min(NAMED, names.size())));
        b.field(label + " · " + names.size(), shown + (names.size() > NAMED ? ", +" + (names.size() - NAMED)
                + " more" : "") + " — " + fix);
    }

    Findings findings(Instant now) {
        List<Asset> all = new ArrayList<>();
        inventory.assets().each(all::add);
        Map<String, AssetObservations.Observation> seen = inventory.observations().all();
        Instant fresh = now.minus(inventory.staleAfter());
        List<String> noSite = new ArrayList<>();
        List<String> noService = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> drift = new ArrayList<>();
        Map<String, TreeSet<String>> byAddress = new TreeMap<>();
        for (int from = 0; from < all.size(); from += NODE_BATCH) {
            List<Asset> batch = all.subList(from, Math.min(all.size(), from + NODE_BATCH));
            Map<String, AssetLinks.Node> nodes = links.nodes(batch.stream().map(Asset::name).toList());
            for (Asset a : batch) {
                AssetLinks.Node node = nodes.get(a.name());
                boolean related = node != null && (!node.needs().isEmpty() || !node.neededBy().isEmpty());
                boolean linkedToService = node != null && (node.needs().stream().anyMatch(e -> e.kind().equals("service"))
                        || node.neededBy().stream().anyMatch(e -> e.kind().equals("service")));
                if (a.site() == null) {
                    noSite.add(a.name());
                }
                if (a.service() == null && !linkedToService) {
                    noService.add(a.name());
                }
                if (!related) {
                    orphans.add(a.name());
                }
                AssetObservations.Observation o = seen.get(a.name());
                if (o == null || o.checkedAt().isBefore(fresh)) {
                    stale.add(a.name());
                }
                if (o != null && !o.drift().isEmpty()) {
                    drift.add(a.name());
                }
                if (a.address() != null) {
                    byAddress.computeIfAbsent(Addresses.exact(a.address()), k -> new TreeSet<>()).add(a.name());
                }
            }
        }
        List<String> duplicates = byAddress.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + ": " + String.join(" and ", e.getValue())).toList();
        return new Findings(all.size(), noSite, noService, orphans, duplicates, stale, drift);
    }
}
