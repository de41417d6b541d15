package dev.opsbot.change;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.Invocation;
import dev.opsbot.store.MongoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What impact analysis costs for a change on an asset with 1,000 dependants: db-01 under 10
 * services, each with 99 assets running on it, so everything reached is a dependant of db-01
 * (1,000 assets in all below it, 10 services, each with a channel, an owner and a rotation),
 * with 200 other changes, 5 of them overlapping on db-01's dependants, and a freeze in the store. The graph is {@link FakeGraph}, an in-memory
 * breadth-first walk, so what is measured is opsbot's side: services, on-call, open incidents,
 * conflicts, freezes and the card. The store is the embedded H2 file store the application runs.
 * Not a test; run by hand (docs/benchmarks.md, "Change impact").
 */
public final class ImpactCost {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "impact-cost");
        try (ChangeFixture f = new ChangeFixture(MongoStore.embedded(dir))) {
            int perService = 1000 / services - 1;
            f.graph.add("db-01");
            for (int s = 0; s < services; s++) {
                String service = "svc-" + s;
                f.ok("lead", "/service add " + service + " --team t" + s + " --channel #" + service + " --owner @owner"
                        + s);
                f.ok("lead", "/oncall rotation create rot-" + s + " --members @a" + s + ",@b" + s
                        + " --every 1w --service " + service);
                String app = "app-" + s;
                f.graph.add(app, service).dependsOn(app, "db-01");
                for (int i = 0; i < perService; i++) {
                    String leaf = "host-" + s + "-" + i;
                    f.graph.add(leaf, service).dependsOn(leaf, app);
                }
            }
            for (int c = 0; c < 200; c++) {
                f.graph.add("other-" + c);
                f.ok("bob", "/change request other " + c + " --asset other-" + c + " --start +" + (1 + c % 48)
                        + "h --end +" + (2 + c % 48) + "h --risk low");
            }
            for (int c = 0; c < 5; c++) {
                f.ok("bob", "/change request near " + c + " --asset app-" + c + " --start +1h --end +2h --risk low");
            }
            f.ok("lead", "/change freeze add quiet --from +3d --to +4d");
            int reached = f.graph.upward(List.of("db-01")).assets().size();

            ImpactAnalysis analysis = new ImpactAnalysis(f.graph, f.services, f.onCall, f.core.incidents, f.changes,
                    f.freezes);
            ImpactAnalysis.Subject subject = new ImpactAnalysis.Subject(null, List.of("db-01"), f.now().plusSeconds(3600),
                    f.now().plusSeconds(7200), ChangeType.NORMAL, null);
            double[] analyse = time(runs, () -> analysis.forRequest(subject, ChangeFixture.ZONE, f.now()));
            int[] n = {0};
            double[] request = time(runs, () -> {
                int h = 100 + 2 * n[0]++;
                run(f, "/change request upgrade --asset db-01 --start +" + h + "h --end +" + (h + 1) + "h --risk high");
            });
            Reply asked = run(f, "/change request upgrade --asset db-01 --start +1h --end +2h --risk high");
            String id = Inline.plain(asked.title()).split(" ")[0];
            double[] impact = time(runs, () -> run(f, "/change impact " + id));
            System.out.println(f.core.router().handle(Invocation.of(Actor.console("alice"), f.core.here,
                    "/change impact " + id)).plainText());
            System.out.printf("assets reached upward from db-01: %d, services: %d, runs: %d%n", reached, services,
                    runs);
            System.out.printf("%-44s %8s %8s %8s%n", "", "p50 ms", "p99 ms", "max ms");
            report("ImpactAnalysis.forRequest", analyse);
            report("/change request (router, stored, announced)", request);
            report("/change impact CHG-n (router)", impact);
        }
    }

    private static Reply run(ChangeFixture f, String line) {
        Reply r = f.core.router().handle(Invocation.of(Actor.console("alice"), f.core.here, line));
        if (r.tone() == Reply.Tone.WARNING && r.isPrivate()) {
            throw new IllegalStateException(line + " was refused: " + r.plainText());
        }
        return r;
    }

    private static double[] time(int runs, Runnable work) {
        for (int i = 0; i < runs / 2; i++) {
            work.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String name, double[] ms) {
        System.out.printf("%-44s %8.2f %8.2f %8.2f%n", name, ms[ms.length / 2], ms[(int) (ms.length * 0.99)],
                ms[ms.length - 1]);
    }
}
