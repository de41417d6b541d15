package dev.opsbot.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.opsbot.slack.BoltServer;
import dev.opsbot.slack.SlackClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Signed {@code /incident declare} and {@code /incident list} over HTTP at fixed rates against
 * opsbot's Slack endpoint on the in-memory store, next to a bare Bolt app that only acks, in the
 * same JVM and run. Prints a Markdown table for docs/benchmarks.md.
 *
 * <p>Arguments: {@code --seconds=30} per measured run, {@code --rates=50,200}, {@code --warmup=5}
 * seconds per target before measuring, {@code --listed=200}
 * incidents in the store that {@code /incident list} reads.
 */
public final class SlackBenchmark {

    private static final String SECRET = "bench-signing-secret";

    private SlackBenchmark() {
    }

    record Row(String target, String command, int rate, FixedRateLoad.Result result, double roundTrips) {
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        }
        // Servers that failed half-way may leave non-daemon threads behind; a benchmark must end.
        System.exit(exit);
    }

    private static void run(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 30);
        int warmup = intArg(args, "--warmup", 5);
        List<Integer> rates = Arrays.stream(stringArg(args, "--rates", "50,200").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int seeded = intArg(args, "--listed", 200);

        try (LoopbackWebApi api = new LoopbackWebApi();
                OpsbotStack declaring = new OpsbotStack(api.url(), SECRET);
                OpsbotStack listing = new OpsbotStack(api.url(), SECRET);
                OpsbotStack filed = new OpsbotStack(api.url(), SECRET, OpsbotStack.Access.FILED);
                OpsbotStack guarded = new OpsbotStack(api.url(), SECRET, OpsbotStack.Access.ROLES);
                BoltServer bare = new BoltServer(bareApp(api.url()))) {
            // Lists run against a store of a fixed size; declares run against a store that grows as they go.
            listing.seed(seeded);
            FixedRateLoad load = new FixedRateLoad(SECRET);

            System.err.printf("warming up, %d s per target%n", warmup);
            load.run(bare.events(), 100, warmup, alternate(api, "warm-bare"));
            load.run(declaring.events(), 100, warmup, body(api, "warm-declare", "declare sev3 warm-up incident %d"));
            load.run(listing.events(), 100, warmup, body(api, "warm-list", "list"));
            load.run(listing.events(), 100, warmup, body(api, "warm-help", "help"));
            load.run(filed.events(), 100, warmup, body(api, "warm-filed", "declare sev3 warm-up incident %d"));
            load.run(guarded.events(), 100, warmup, body(api, "warm-guarded", "declare sev3 warm-up incident %d"));
            declaring.settle();
            listing.settle();
            filed.settle();
            guarded.settle();

            String loadBefore = loadAverage();
            List<Row> rows = new ArrayList<>();
            for (int rate : rates) {
                rows.add(measure(load, null, "bare Bolt app (ack only)", "declare/list", bare.events(), rate,
                        seconds, alternate(api, "bare-" + rate)));
                rows.add(measure(load, listing, "opsbot, no store access", "/incident help", listing.events(), rate,
                        seconds, body(api, "help-" + rate, "help")));
                long before = declaring.incidents();
                rows.add(measure(load, declaring, "opsbot (" + before + " incidents stored before)",
                        "/incident declare", declaring.events(), rate, seconds,
                        body(api, "declare-" + rate, "declare sev3 bench incident %d --service bench")));
                System.err.printf("declared %d incidents%n", declaring.incidents() - before);
                rows.add(measure(load, filed, "opsbot, audit filed for /audit, roles off (" + filed.incidents()
                        + " stored before)", "/incident declare", filed.events(), rate, seconds,
                        body(api, "filed-" + rate, "declare sev3 bench incident %d --service bench")));
                rows.add(measure(load, guarded, "opsbot, audit filed, roles on (" + guarded.incidents()
                        + " stored before)", "/incident declare", guarded.events(), rate, seconds,
                        body(api, "guarded-" + rate, "declare sev3 bench incident %d --service bench")));
                rows.add(measure(load, listing, "opsbot (" + listing.incidents() + " incidents stored)",
                        "/incident list", listing.events(), rate, seconds, body(api, "list-" + rate, "list")));
            }
            print(rows, seconds, declaring.pending());
            // Other processes on the machine show up in the percentiles; say how busy it was.
            System.out.printf("Load average (1, 5, 15 min) before the measured runs: %s; after: %s.%n", loadBefore,
                    loadAverage());
        }
    }

    private static App bareApp(String webApiUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(webApiUrl + "/api/");
        App bare = new App(AppConfig.builder().singleTeamBotToken("xoxb-bench").signingSecret(SECRET)
                .slack(Slack.getInstance(config)).build());
        bare.command("/incident", (req, ctx) -> ctx.ack());
        return bare;
    }

    /** One measured run; for opsbot it waits for the store to go quiet so every round trip is counted. */
    private static Row measure(FixedRateLoad load, OpsbotStack stack, String target, String command, URI url,
            int rate, int seconds, IntFunction<String> body) throws InterruptedException {
        System.err.printf("%s %s at %d req/s for %d s%n", target, command, rate, seconds);
        long before = stack == null ? 0 : stack.store.requestPath.get();
        FixedRateLoad.Result r = load.run(url, rate, seconds, body);
        if (stack == null) {
            return new Row(target, command, rate, r, Double.NaN);
        }
        stack.settle();
        return new Row(target, command, rate, r, r.ok() == 0 ? 0 : (stack.store.requestPath.get() - before) / (double) r.ok());
    }

    private static IntFunction<String> alternate(LoopbackWebApi api, String phase) {
        IntFunction<String> declare = body(api, phase, "declare sev3 bench incident %d --service bench");
        IntFunction<String> list = body(api, phase, "list");
        return i -> i % 2 == 0 ? declare.apply(i) : list.apply(i);
    }

    /** A slash command body as Slack sends it; each request has its own trigger id, as each real one does. */
    private static IntFunction<String> body(LoopbackWebApi api, String phase, String textPattern) {
        String responseUrl = api.url() + "/response/" + phase;
        return i -> SlackClient.commandBody(OpsbotStack.user(i), "C1", "/incident",
                String.format(textPattern, i), responseUrl, phase + "." + i + ".bench");
    }

    private static void print(List<Row> rows, int seconds, long pending) {
        StringBuilder out = new StringBuilder();
        out.append("| target | command | rate (req/s) | sent | ok | failed | dropped | throughput (req/s) "
                + "| p50 (ms) | p99 (ms) | max (ms) | store round trips / command |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            FixedRateLoad.Result r = row.result();
            out.append(String.format("| %s | %s | %d | %d | %d | %d | %d | %.1f | %.2f | %.2f | %.2f | %s |%n",
                    row.target(), row.command(), row.rate(), r.due(), r.ok(), r.failed(), r.dropped(), r.throughput(),
                    r.p50(), r.p99(), r.max(), Double.isNaN(row.roundTrips()) ? "–"
                            : String.format("%.2f", row.roundTrips())));
        }
        out.append('\n');
        for (Row row : rows) {
            if (row.target().startsWith("bare")) {
                continue;
            }
            Row floor = rows.stream().filter(x -> x.target().startsWith("bare") && x.rate() == row.rate())
                    .findFirst().orElseThrow();
            out.append(String.format("- %s at %d req/s: p99 %.2f ms = %.2f× the bare floor (%.2f ms); target ≤ 1.5×%n",
                    row.command(), row.rate(), row.result().p99(), row.result().p99() / floor.result().p99(),
                    floor.result().p99()));
        }
        out.append(String.format("%nEach run lasted %d s. Announcements stored in the outbox, not delivered: %d.%n",
                seconds, pending));
        out.append(String.format("Machine: %d cores, %s %s, Java %s, max heap %d MiB.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        System.out.print(out);
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static int intArg(String[] args, String name, int otherwise) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(otherwise)));
    }

    private static String stringArg(String[] args, String name, String otherwise) {
        // Maven hands the arguments over as one string; split it back into words.
        for (String a : String.join(" ", args).split("\\s+")) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return otherwise;
    }
}
