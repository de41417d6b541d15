package dev.opsbot.bench;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * A burst of signed declarations from {@value #CLIENTS} clients at once to a fresh application
 * whose incidents are announced to {@code channels} Slack channels, then every post to those
 * channels is read back: when the last arrived, how many there were, whether each declared
 * incident was announced exactly once per channel, and how close two posts to one channel came.
 */
final class Burst {

    static final int CLIENTS = 20;

    /** What one burst measured; times in seconds. */
    record Result(int declarations, int channels, int answered, double declaring, double lastPostAfter, int posts,
            int missing, int repeated, long closestMillis) {
    }

    private Burst() {
    }

    static Result run(LoopbackWebApi api, SlackProbe probe, int declarations, int channels) throws Exception {
        List<String> ids = IntStream.range(0, channels).mapToObj(c -> "CBURST" + c).toList();
        String channelArg = "--opsbot.incident-channel="
                + String.join(",", ids.stream().map(id -> "slack:" + id).toList());
        try (RunningApp app = new RunningApp(api.url(), List.of(channelArg))) {
            long counterBefore = counter(app);
            api.record();
            try {
                long began = System.nanoTime();
                int[] answered = new int[1];
                long lastDeclared = declare(app, probe, declarations, answered);
                long counterAfter = counter(app);
                List<String> declared = new ArrayList<>();
                for (long n = counterBefore + 1; n <= counterAfter; n++) {
                    declared.add("INC-" + n);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < deadline && missing(api.posts(), ids, declared) > 0) {
                    Thread.sleep(20);
                }
                // A little longer, so a post sent twice would be seen.
                Thread.sleep(2000);
                List<LoopbackWebApi.Post> posts = api.posts().stream().filter(p -> ids.contains(p.channel())).toList();
                long last = posts.stream().mapToLong(LoopbackWebApi.Post::nanos).max().orElse(lastDeclared);
                return new Result(declarations, channels, answered[0], (lastDeclared - began) / 1e9,
                        (last - lastDeclared) / 1e9, posts.size(), missing(posts, ids, declared),
                        repeated(posts), closest(posts));
            } finally {
                api.stopRecording();
            }
        }
    }

    /** Each client sends its share one after another; returns when the last answer came. */
    private static long declare(RunningApp app, SlackProbe probe, int declarations, int[] answered) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<long[]>> finished = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                finished.add(clients.submit(() -> {
                    long ok = 0;
                    for (int i = client; i < declarations; i += CLIENTS) {
                        if (probe.send(app.events(), "declare sev3 burst " + i + " --service bench").get() >= 0) {
                            ok++;
                        }
                    }
                    return new long[] {System.nanoTime(), ok};
                }));
            }
            long last = 0;
            for (Future<long[]> f : finished) {
                long[] r = f.get(10, TimeUnit.MINUTES);
                last = Math.max(last, r[0]);
                answered[0] += (int) r[1];
            }
            return last;
        } finally {
            clients.shutdownNow();
        }
    }

    private static long counter(RunningApp app) {
        Document c = app.store.database().getCollection("counters").find(Filters.eq("_id", "INC")).first();
        return c == null ? 0 : ((Number) c.get("value")).longValue();
    }

    /** Declared incidents some channel has not been told about yet. */
    private static int missing(List<LoopbackWebApi.Post> posts, List<String> channels, List<String> declared) {
        int missing = 0;
        for (String channel : channels) {
            Set<String> seen = posts.stream().filter(p -> p.channel().equals(channel))
                    .flatMap(p -> p.ids().stream()).collect(Collectors.toSet());
            missing += (int) declared.stream().filter(id -> !seen.contains(id)).count();
        }
        return missing;
    }

    /** Incidents announced in more than one post to the same channel. */
    private static int repeated(List<LoopbackWebApi.Post> posts) {
        Map<String, Integer> times = new HashMap<>();
        posts.forEach(p -> p.ids().forEach(id -> times.merge(p.channel() + " " + id, 1, Integer::sum)));
        return (int) times.values().stream().filter(n -> n > 1).count();
    }

    /** The shortest time between two posts to the same channel. */
    private static long closest(List<LoopbackWebApi.Post> posts) {
        Map<String, Long> previous = new HashMap<>();
        long closest = Long.MAX_VALUE;
        for (LoopbackWebApi.Post p : posts) {
            Long before = previous.put(p.channel(), p.nanos());
            if (before != null) {
                closest = Math.min(closest, p.nanos() - before);
            }
        }
        return closest == Long.MAX_VALUE ? -1 : closest / 1_000_000;
    }
}
