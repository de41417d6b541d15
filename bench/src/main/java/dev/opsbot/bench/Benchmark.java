package dev.opsbot.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.opsbot.slack.BoltServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * The benchmark behind docs/benchmarks.md, in one run: start-up times of the jar, then for each
 * store size the whole application in server mode answering signed Slack commands one at a time
 * (p50/p99, store round trips of the request path and of delivery), a declare sent while a full
 * list runs, ack and declare with roles on, a burst of declarations and its delivery, and a bare
 * Bolt app that only acks as the floor. Prints Markdown.
 *
 * <p>Options: {@code --quick} (sizes 1k and 10k, 3 s per command, one start-up run),
 * {@code --sizes=1000,10000,100000}, {@code --seconds=10} per command and size (at least
 * {@code --min=3} and at most {@code --max=200} commands), {@code --startup-runs=3},
 * {@code --bursts=1000x1,250x4} (declarations x incident channels),
 * {@code --jar=config/target/opsbot.jar}.
 */
public final class Benchmark {

    private Benchmark() {
    }

    record Options(List<Integer> sizes, Duration budget, int min, int max, int startupRuns, Path jar,
            boolean startupAtLargest, List<int[]> bursts) {
        static Options parse(String[] args) {
            boolean quick = Arrays.asList(args).contains("--quick");
            return new Options(
                    Arrays.stream(arg(args, "--sizes", quick ? "1000,10000" : "1000,10000,100000").split(","))
                            .map(String::strip).map(Integer::parseInt).toList(),
                    Duration.ofSeconds(Integer.parseInt(arg(args, "--seconds", quick ? "3" : "10"))),
                    Integer.parseInt(arg(args, "--min", "3")), Integer.parseInt(arg(args, "--max", "200")),
                    Integer.parseInt(arg(args, "--startup-runs", quick ? "1" : "3")),
                    Path.of(arg(args, "--jar", "config/target/opsbot.jar")), !quick,
                    Arrays.stream(arg(args, "--bursts", quick ? "250x1" : "1000x1,250x4").split(","))
                            .map(String::strip).filter(b -> !b.isEmpty())
                            .map(b -> Arrays.stream(b.split("x")).mapToInt(Integer::parseInt).toArray()).toList());
        }

        /** Open incidents added to every store: one for each ack a series may send, and 50 for the warm-up's acks. */
        int open() {
            return max + 50;
        }

        private static String arg(String[] args, String name, String otherwise) {
            for (String a : args) {
                if (a.startsWith(name + "=")) {
                    return a.substring(name.length() + 1);
                }
            }
            return otherwise;
        }
    }

    /** One command at one size: its times and its store round trips per command. */
    record Measured(SlackProbe.Series series, double request, double delivery) {
    }

    static final List<String> COMMANDS = List.of("list --open", "list", "show", "ack", "declare");
    /** The commands measured once more with roles on, at the smallest size. */
    static final List<String> ROLES_COMMANDS = List.of("ack", "declare");

    public static void main(String[] args) {
        int exit = 0;
        try {
            if (java.util.Arrays.asList(args).contains("--assets")) {
                AssetGraphBench.run();
            } else if (Arrays.asList(args).contains("--alerts")) {
                AlertFlood.main(args);
            } else {
                run(Options.parse(args));
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        }
        // An application that failed half-way may leave non-daemon threads behind; a benchmark must end.
        System.exit(exit);
    }

    private static void run(Options o) throws Exception {
        long began = System.nanoTime();
        String loadBefore = loadAverage();

        Map<String, List<Double>> starts = new LinkedHashMap<>();
        if (o.startupRuns() > 0) {
            startupTimes(o, starts);
        }
        Map<Integer, Map<String, Measured>> bySize = new LinkedHashMap<>();
        Map<Integer, Measured> declareDuringList = new LinkedHashMap<>();
        Map<Integer, Integer> overlapped = new LinkedHashMap<>();
        Map<String, Measured> rolesOff;
        Map<String, Measured> rolesOn;
        List<Burst.Result> bursts = new java.util.ArrayList<>();
        SlackProbe.Series floor;
        try (LoopbackWebApi api = new LoopbackWebApi(); BoltServer bare = new BoltServer(bareApp(api.url()))) {
            SlackProbe probe = new SlackProbe(api);
            progress("bare Bolt floor");
            probe.series(bare.events(), i -> "list", o.budget(), o.min(), o.max());
            floor = probe.series(bare.events(), i -> "list", o.budget(), o.min(), o.max());
            warmUp(api, probe, o);
            for (int size : o.sizes()) {
                progress("%s incidents: starting the application and seeding", size(size));
                try (RunningApp app = new RunningApp(api.url(), List.of())) {
                    Map<String, IntFunction<String>> texts = seeded(app, probe, o, size);
                    Map<String, Measured> row = new LinkedHashMap<>();
                    for (String command : COMMANDS) {
                        progress("%s incidents: /incident %s", size(size), command);
                        row.put(command, measure(app, api, o, () -> probe.series(app.events(), texts.get(command),
                                o.budget(), o.min(), o.max()), command.equals("declare")));
                    }
                    bySize.put(size, row);
                    progress("%s incidents: a declare while a full list runs", size(size));
                    int[] overlaps = new int[1];
                    declareDuringList.put(size, measure(app, api, o,
                            () -> declaresDuringLists(probe, app.events(), o, overlaps), true));
                    overlapped.put(size, overlaps[0]);
                }
            }
            // Off and on each on a fresh application and store of the smallest size, one after the other.
            rolesOff = roles(api, probe, o, false);
            rolesOn = roles(api, probe, o, true);
            for (int[] burst : o.bursts()) {
                progress("burst: %d declarations from %d clients, %d channels", burst[0], Burst.CLIENTS, burst[1]);
                bursts.add(Burst.run(api, probe, burst[0], burst[1]));
            }
        }
        String loadAfter = loadAverage();
        double minutes = (System.nanoTime() - began) / 60e9;
        System.out.print(new Report(o, starts, floor, bySize, declareDuringList, overlapped, rolesOff, rolesOn, bursts,
                loadBefore, loadAfter, minutes).markdown());
    }

    /**
     * Runs every command once on a throwaway application of the smallest size, unrecorded, so the
     * first size measured does not also pay for the JVM compiling the command paths.
     */
    private static void warmUp(LoopbackWebApi api, SlackProbe probe, Options o) throws Exception {
        progress("warming up the JVM on a throwaway application");
        try (RunningApp app = new RunningApp(api.url(), List.of())) {
            Map<String, IntFunction<String>> texts = seeded(app, probe, o, o.sizes().get(0));
            for (String command : COMMANDS) {
                probe.series(app.events(), texts.get(command), o.budget(), o.min(), o.max());
            }
        }
    }

    /** Ack and declare with roles off, or on with the benchmark's user granted responder and viewer the default. */
    private static Map<String, Measured> roles(LoopbackWebApi api, SlackProbe probe, Options o, boolean on)
            throws Exception {
        int size = o.sizes().get(0);
        String roles = on ? "roles on" : "roles off";
        progress("%s incidents, %s: starting the application and seeding", size(size), roles);
        Map<String, Measured> measured = new LinkedHashMap<>();
        try (RunningApp app = new RunningApp(api.url(), on ? RunningApp.ROLES_ON : List.of())) {
            Map<String, IntFunction<String>> texts = seeded(app, probe, o, size);
            if (on) {
                app.grantResponder();
            }
            for (String command : ROLES_COMMANDS) {
                progress("%s incidents, %s: /incident %s", size(size), roles, command);
                measured.put(command, measure(app, api, o, () -> probe.series(app.events(), texts.get(command),
                        o.budget(), o.min(), o.max()), command.equals("declare")));
            }
        }
        return measured;
    }

    /** Seeds the app's store with {@code size} incidents of history, warms it up, and returns each command's text. */
    private static Map<String, IntFunction<String>> seeded(RunningApp app, SlackProbe probe, Options o, int size)
            throws Exception {
        List<String> openIds = Seeding.seed(app.store.database(), app.incidents(), size, o.open());
        // The archived history holds INC-1 to INC-size; a show reads one of them.
        IntFunction<String> shown = i -> "show INC-" + (1 + (i * 7919L) % size);
        // The open incidents past the ack series' share are the warm-up's, so the ack path is warm too.
        List<String> spare = openIds.subList(o.max(), openIds.size());
        progress("%s incidents: warming up", size(size));
        probe.series(app.events(), i -> switch (i % 3) {
            case 0 -> "list --open";
            case 1 -> shown.apply(i);
            default -> "ack " + spare.get(i % spare.size());
        }, o.budget(), o.min(), o.max());
        Map<String, IntFunction<String>> texts = new LinkedHashMap<>();
        texts.put("list --open", i -> "list --open");
        texts.put("list", i -> "list");
        texts.put("show", shown);
        texts.put("ack", i -> "ack " + openIds.get(i % openIds.size()));
        texts.put("declare", i -> "declare sev3 bench incident " + i + " --service bench");
        return texts;
    }

    /** Launches the jar: console to its prompt, server mode to health UP; empty store and (full run) the largest. */
    private static void startupTimes(Options o, Map<String, List<Double>> starts) throws Exception {
        progress("start-up: launching %s", o.jar());
        StartupTimes startup = new StartupTimes(o.jar());
        starts.put("console prompt, empty store",
                startup.consolePrompt(StartupTimes.seededDataDir(0), o.startupRuns()));
        starts.put("server health UP, empty store",
                startup.serverHealthy(StartupTimes.seededDataDir(0), o.startupRuns()));
        if (o.startupAtLargest()) {
            int largest = o.sizes().get(o.sizes().size() - 1);
            progress("start-up: seeding a store file with %d incidents", largest);
            Path seeded = StartupTimes.seededDataDir(largest);
            // One run each: on a large store a start can take minutes before the store's work is fixed.
            starts.put("console prompt, " + size(largest) + " incidents", startup.consolePrompt(seeded, 1));
            starts.put("server health UP, " + size(largest) + " incidents", startup.serverHealthy(seeded, 1));
        }
    }

    interface SeriesRun {
        SlackProbe.Series run() throws Exception;
    }

    /**
     * Runs a series and counts the round trips it caused, once its announcements were delivered;
     * the background work of an idle app (the outbox's one-second tick, the clock's poll) is
     * measured just before and taken off.
     */
    private static Measured measure(RunningApp app, LoopbackWebApi api, Options o, SeriesRun series, boolean announces)
            throws Exception {
        CountedStore.Trips idle0 = app.store.trips();
        long idleStart = System.nanoTime();
        Thread.sleep(3000);
        CountedStore.Trips idle = app.store.trips().minus(idle0);
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;

        CountedStore.Trips before = app.store.trips();
        api.record();
        long start = System.nanoTime();
        SlackProbe.Series s = series.run();
        if (announces) {
            // A flooded channel gets roundups, so posts are fewer than declarations: wait for the incidents.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (announced(api) < s.ok() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        api.stopRecording();
        // One more outbox tick, so a delivery round that was under way is counted whole.
        Thread.sleep(1500);
        CountedStore.Trips used = app.store.trips().minus(before);
        double seconds = (System.nanoTime() - start) / 1e9;
        double n = Math.max(1, s.ok());
        return new Measured(s, (used.request() - idle.request() * seconds / idleSeconds) / n,
                (used.delivery() - idle.delivery() * seconds / idleSeconds) / n);
    }

    /** How many different incidents the posts recorded so far announce. */
    private static long announced(LoopbackWebApi api) {
        return api.posts().stream().flatMap(p -> p.ids().stream()).distinct().count();
    }

    /**
     * Sends a full {@code /incident list} and, a millisecond later, a declare; the declare's time is
     * what is recorded. Counts how often the list was still unanswered when the declare was answered.
     */
    private static SlackProbe.Series declaresDuringLists(SlackProbe probe, URI events, Options o, int[] overlaps)
            throws Exception {
        Histogram h = new Histogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
        int failed = 0;
        long end = System.nanoTime() + o.budget().toNanos();
        for (int i = 0; i < o.max() && (i < o.min() || System.nanoTime() < end); i++) {
            CompletableFuture<Long> list = probe.send(events, "list");
            Thread.sleep(1);
            long micros = probe.send(events, "declare sev3 during a list " + i + " --service bench").get();
            if (!list.isDone()) {
                overlaps[0]++;
            }
            list.get();
            if (micros < 0) {
                failed++;
            } else {
                h.recordValue(Math.max(1, micros));
            }
        }
        return SlackProbe.Series.of(h, failed);
    }

    private static App bareApp(String webApiUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(webApiUrl + "/api/");
        App bare = new App(AppConfig.builder().singleTeamBotToken("xoxb-bench").signingSecret(RunningApp.SECRET)
                .slack(Slack.getInstance(config)).build());
        bare.command("/incident", (req, ctx) -> ctx.ack("ok"));
        return bare;
    }

    static String size(int n) {
        return n % 1000 == 0 ? n / 1000 + "k" : Integer.toString(n);
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
