package dev.opsbot.bench;

import dev.opsbot.asset.Asset;
import dev.opsbot.asset.AssetCommands;
import dev.opsbot.asset.AssetGraph;
import dev.opsbot.asset.AssetJournal;
import dev.opsbot.asset.AssetLinks;
import dev.opsbot.asset.AssetObservations;
import dev.opsbot.asset.AssetRelations;
import dev.opsbot.asset.AssetVerifier;
import dev.opsbot.asset.Assets;
import dev.opsbot.asset.Inventory;
import dev.opsbot.asset.InventoryAudit;
import dev.opsbot.asset.InventoryGraph;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Invocation;
import dev.opsbot.command.MongoHandledRequests;
import dev.opsbot.incident.Incidents;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import dev.opsbot.store.MongoAuditLog;
import dev.opsbot.store.MongoCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * {@code --assets}: the inventory's graph on the embedded file store. For 1,000 and 10,000
 * edges it builds the same layered graph (racks ← hypervisors ← VMs ← services ← services, the
 * arrows being runs-on and depends-on) through the {@link AssetLinks} port, then times
 * {@code /asset deps}, {@code /asset show} and {@code /asset link} through the router, and
 * {@code AssetGraph.upward}, counting store round trips per call.
 */
final class AssetGraphBench {

    private static final int RUNS = 40;
    private static final Actor WHO = Actor.console("bench");
    private static final ChannelRef HERE = ChannelRef.console("ops");

    private AssetGraphBench() {
    }

    record Row(String what, double p50, double p95, double trips, String reached) {
    }

    static void run() throws Exception {
        StringBuilder out = new StringBuilder();
        for (int scale : new int[] {1, 10}) {
            Path dir = Files.createTempDirectory("opsbot-assets");
            try (CountedStore store = new CountedStore(dir)) {
                out.append(measure(store, scale));
            }
        }
        System.out.println(out);
    }

    private static String measure(CountedStore store, int s) {
        var db = store.database();
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
        Services services = Services.inMongo(db);
        Assets assets = Assets.inMongo(db);
        AssetLinks links = AssetLinks.inMongo(db);
        Incidents incidents = Incidents.inMongo(db, new MongoCounters(db));
        Inventory inventory = new Inventory(assets, AssetJournal.inMongo(db), new MongoAuditLog(db), services,
                incidents, AssetObservations.none(), Duration.ofDays(30));
        AssetRelations relations = new AssetRelations(inventory, links);
        AssetGraph graph = new InventoryGraph(inventory, relations);
        CommandRouter router = new CommandRouter(List.of(AssetCommands.ROOT.handledBy(new AssetCommands(inventory,
                relations, new InventoryAudit(inventory, links), AssetVerifier.unavailable()))),
                new MongoHandledRequests(db), clock);

        int racks = 2 * s;
        int hypervisors = 40 * s;
        int vms = 400 * s;
        int svcs = 20 * s;
        long seedStart = System.nanoTime();
        Instant now = clock.instant();
        IntFunction<String> rack = i -> String.format("rack-%03d", i);
        IntFunction<String> hv = i -> String.format("hv-%04d", i);
        IntFunction<String> vm = i -> String.format("vm-%05d", i);
        IntFunction<String> svc = i -> String.format("svc-%03d", i);
        for (int i = 0; i < svcs; i++) {
            services.add(Service.add(svc.apply(i), "team", HERE, 2, WHO, WHO, now));
        }
        addAll(assets, racks, rack, "other", now);
        addAll(assets, hypervisors, hv, "server", now);
        addAll(assets, vms, vm, "vm", now);
        int edges = 0;
        for (int i = 0; i < hypervisors; i++) {
            links.link(ref(hv.apply(i), "asset"), "runs-on", ref(rack.apply(i % racks), "asset"));
            edges++;
        }
        for (int i = 0; i < vms; i++) {
            links.link(ref(vm.apply(i), "asset"), "runs-on", ref(hv.apply(i % hypervisors), "asset"));
            edges++;
        }
        Random random = new Random(42);
        for (int i = 0; i < svcs; i++) {
            for (int k = 0; k < 20; k++) {
                links.link(ref(svc.apply(i), "service"), "depends-on", ref(vm.apply(random.nextInt(vms)), "asset"));
                edges++;
            }
            // Services depend only on services with lower numbers, so the seeded graph has no cycle.
            for (int k = 0; k < 8 && i > 0; k++) {
                links.link(ref(svc.apply(i), "service"), "depends-on", ref(svc.apply(random.nextInt(i)), "service"));
                edges++;
            }
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        List<Row> rows = new ArrayList<>();
        String top = svc.apply(svcs - 1);
        rows.add(timed(store, "`/asset deps rack-000 --up` (what breaks if a rack fails)",
                () -> check(router, "/asset deps rack-000 --up")));
        rows.add(timed(store, "`/asset deps " + top + " --down` (all a top service needs)",
                () -> check(router, "/asset deps " + top + " --down")));
        rows.add(timed(store, "`/asset deps vm-00000` (both ways)", () -> check(router, "/asset deps vm-00000")));
        rows.add(timed(store, "`/asset show vm-00000`", () -> check(router, "/asset show vm-00000")));
        rows.add(timed(store, "`AssetGraph.upward([rack-000])`", () -> {
            AssetGraph.Reach r = graph.upward(List.of("rack-000"));
            return r.assets().size() + " assets, " + r.services().size() + " services";
        }));
        int[] next = {0};
        rows.add(timed(store, "`/asset link svc-… depends-on vm-…` (new edge, cycle check walks down)", () -> {
            int i = next[0]++;
            return check(router, "/asset link " + svc.apply(i % svcs) + " depends-on " + vm.apply((i * 7919) % vms));
        }));
        rows.add(timed(store, "`/asset link rack-000 depends-on " + top + "` (refused: the cycle check walks all "
                + top + " needs)", () -> check(router, "/asset link rack-000 depends-on " + top)));

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%n#### %,d edges (%,d assets, %d services), seeded in %.1f s through "
                + "`AssetLinks.link`%n%n", edges, racks + hypervisors + vms, svcs, seedSeconds));
        md.append("| call | p50 ms | p95 ms | round trips | reached |\n|---|---:|---:|---:|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.0f | %s |%n", r.what(), r.p50(), r.p95(),
                    r.trips(), r.reached()));
        }
        return md.toString();
    }

    private static void addAll(Assets assets, int count, IntFunction<String> name, String type, Instant now) {
        for (int i = 0; i < count; i++) {
            assets.add(Asset.declare(name.apply(i), type, "prod", null, "fra1", null, WHO, null, null, List.of(),
                    Map.of(), WHO, now));
        }
    }

    private static AssetLinks.Node.Ref ref(String name, String kind) {
        return new AssetLinks.Node.Ref(name, kind);
    }

    /** Runs a command and returns what it answered in one line: its title, then its text. */
    private static String check(CommandRouter router, String line) {
        Reply reply = router.handle(Invocation.of(WHO, HERE, line));
        String said = String.join(" · ", java.util.stream.Stream.of(reply.title(), reply.text())
                .filter(t -> !t.isEmpty()).map(Inline::plain).toList());
        return said.replace("|", "/");
    }

    private static Row timed(CountedStore store, String what, Supplier<String> call) {
        String reached = call.get();
        double[] ms = new double[RUNS];
        long tripsBefore = store.trips().request();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            reached = call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        double trips = (store.trips().request() - tripsBefore) / (double) RUNS;
        Arrays.sort(ms);
        return new Row(what, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1], trips, reached);
    }
}
