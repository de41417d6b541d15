package dev.opsbot.bench;

import dev.opsbot.alert.WebhookBodies;
import dev.opsbot.alert.WebhookBodies.Sent;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Alertmanager's load on the whole application in server mode on the embedded file store: posts
 * of 20 alerts each to {@code /hooks/alertmanager}, paced to {@code --alert-rate} alerts a second
 * for {@code --alert-seconds}, from 32 senders, never two posts of one group at once (as
 * Alertmanager sends a group). A post opens a new group (20 firing), repeats a group's last post,
 * grows a group (5 of its alerts resolve, 5 new ones fire) or resolves the whole group. Then the
 * audit: every group has exactly one incident, its timeline has one entry per post that carried
 * news, a resolved group's incident is mitigated, and no incident exists that no group opened.
 */
final class AlertFlood {

    private static final String TOKEN = "bench-alert-token";
    private static final int PER_POST = 20;
    /** Alertmanager flushes every group on its own; this many may be under way at once. */
    private static final int SENDERS = 32;

    private AlertFlood() {
    }

    /** A group as its sender knows it: its alerts, the news it sent, the incident it was told of. */
    private static final class Group {
        final String key;
        final List<Sent> alerts = new ArrayList<>();
        String lastBody;
        String incident;
        int newsSent;
        boolean resolved;
        int grown;

        Group(String key) {
            this.key = key;
        }
    }

    record Result(int posts, long alerts, double seconds, Histogram latency, Map<Integer, Integer> statuses,
            int groups, int opened, int repeats, int grows, int resolves, List<String> audit) {
    }

    static Result run(LoopbackWebApi api, int rate, int seconds) throws Exception {
        try (RunningApp app = new RunningApp(api.url(), List.of("--OPSBOT_ALERTMANAGER_TOKEN=" + TOKEN))) {
            URI hook = app.events().resolve("/hooks/alertmanager");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(SENDERS)).build();
            Plan plan = new Plan(new Random(7));
            ConcurrentHistogram latency = new ConcurrentHistogram(Duration.ofMinutes(5).toNanos() / 1000, 3);
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            int postsPerSecond = Math.max(1, rate / PER_POST);
            int total = postsPerSecond * seconds;
            AtomicInteger next = new AtomicInteger();
            AtomicLong alerts = new AtomicLong();
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            List<Future<?>> sent = new ArrayList<>();
            long start = System.nanoTime();
            for (int s = 0; s < SENDERS; s++) {
                sent.add(senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long wait = start + (long) i * 1_000_000_000L / postsPerSecond - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        Plan.Post p = plan.next(i);
                        alerts.addAndGet(count(p.body()));
                        try {
                            post(http, hook, p.body(), p.group(), latency, statuses);
                        } finally {
                            plan.done(p.group());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(10, TimeUnit.MINUTES);
            }
            double took = (System.nanoTime() - start) / 1e9;
            senders.shutdown();
            List<String> audit = audit(app, plan.groups);
            return new Result(total, alerts.get(), took, latency, new java.util.TreeMap<>(statuses),
                    plan.groups.size(), (int) plan.groups.stream().filter(x -> x.incident != null).count(),
                    plan.repeats, plan.grows, plan.resolves, audit);
        }
    }

    /**
     * What each post does: 30% open a new group, 30% repeat an idle group's last post, 20% grow an
     * idle firing group, 20% resolve one. A group being sent is never chosen, as Alertmanager never
     * sends one group twice at once; with no idle group to choose, the post opens a new one.
     */
    private static final class Plan {
        private static final Instant BASE = Instant.parse("2026-11-27T14:00:00Z");
        final List<Group> groups = new ArrayList<>();
        private final List<Group> idle = new ArrayList<>();
        private final Random random;
        int repeats;
        int grows;
        int resolves;

        Plan(Random random) {
            this.random = random;
        }

        record Post(Group group, String body) {
        }

        synchronized Post next(int i) {
            int kind = random.nextInt(10);
            Group g = null;
            if (kind >= 3) {
                List<Group> fit = kind < 6 ? idle : idle.stream().filter(x -> !x.resolved).toList();
                if (!fit.isEmpty()) {
                    g = fit.get(random.nextInt(fit.size()));
                    idle.remove(g);
                }
            }
            if (g == null) {
                g = new Group("{}:{alertname=\"Flood\", group=\"g" + groups.size() + "\"}");
                for (int a = 0; a < PER_POST; a++) {
                    g.alerts.add(Sent.firing(g.key.hashCode() + "-" + a, BASE.plusSeconds(i),
                            Map.of("alertname", "Flood", "n", String.valueOf(a))));
                }
                groups.add(g);
                return new Post(g, body(g, g.alerts));
            }
            if (kind < 6) {
                repeats++;
                return new Post(g, g.lastBody);
            }
            g.newsSent++;
            if (kind < 8) {
                grows++;
                g.grown++;
                List<Sent> sent = new ArrayList<>();
                List<Sent> firing = new ArrayList<>();
                for (int a = 0; a < g.alerts.size(); a++) {
                    Sent s = g.alerts.get(a);
                    sent.add(a < 5 ? s.resolved() : s);
                    if (a >= 5) {
                        firing.add(s);
                    }
                }
                for (int a = 0; a < 5; a++) {
                    Sent s = Sent.firing(g.key.hashCode() + "-g" + g.grown + "-" + a, BASE.plusSeconds(i),
                            Map.of("alertname", "Flood", "n", "g" + g.grown + "-" + a));
                    sent.add(s);
                    firing.add(s);
                }
                g.alerts.clear();
                g.alerts.addAll(firing);
                return new Post(g, body(g, sent));
            }
            resolves++;
            g.resolved = true;
            List<Sent> all = g.alerts.stream().map(Sent::resolved).toList();
            return new Post(g, body(g, all));
        }

        synchronized void done(Group g) {
            idle.add(g);
        }

        private static String body(Group g, List<Sent> alerts) {
            g.lastBody = WebhookBodies.body(g.key, Map.of("alertname", "Flood", "service", "flood"), alerts);
            return g.lastBody;
        }
    }

    private static int count(String body) {
        int n = 0;
        for (int at = body.indexOf("\"fingerprint\""); at >= 0; at = body.indexOf("\"fingerprint\"", at + 1)) {
            n++;
        }
        return n;
    }

    /** Posts until answered other than 503 (Alertmanager retries those); the time is of the last try. */
    private static void post(HttpClient http, URI hook, String body, Group g, Histogram latency,
            Map<Integer, Integer> statuses) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(hook).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 200 && answer.body().startsWith("opened ")) {
                g.incident = answer.body().strip().substring("opened ".length());
            }
            if (answer.statusCode() != 503) {
                return;
            }
        }
    }

    /** What the store holds against what was sent; empty when everything matches. */
    private static List<String> audit(RunningApp app, List<Group> groups) {
        List<String> problems = new ArrayList<>();
        var incidents = app.incidents();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Group g : groups) {
            if (g.incident == null) {
                problems.add(g.key + " opened no incident");
                continue;
            }
            if (!seen.add(g.incident)) {
                problems.add(g.incident + " was opened for two groups");
            }
            Incident i = incidents.find(g.incident).orElse(null);
            if (i == null) {
                problems.add(g.incident + " is not stored");
                continue;
            }
            long entries = i.timeline().stream().filter(e -> e.kind().equals("alerts")).count();
            if (entries != g.newsSent) {
                problems.add(g.incident + " has " + entries + " alert entries for " + g.newsSent + " posts with news");
            }
            IncidentStatus expected = g.resolved ? IncidentStatus.MITIGATED : IncidentStatus.DECLARED;
            if (i.status() != expected) {
                problems.add(g.incident + " is " + i.status().word() + ", expected " + expected.word());
            }
        }
        if (incidents.find("INC-" + (groups.size() + 1)).isPresent()) {
            problems.add("more incidents than groups: INC-" + (groups.size() + 1) + " exists");
        }
        return problems;
    }

    static String markdown(Result r, int rate, int seconds) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Alertmanager flood: target %d alerts/s for %d s, %d senders, %d alerts a post%n%n",
                rate, seconds, SENDERS, PER_POST));
        md.append("| posts | alerts | took | alerts/s | posts/s | p50 | p99 | max | answers |\n|---|---|---|---|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| %d | %d | %.1f s | %.0f | %.0f | %.1f ms | %.1f ms | %.1f ms | %s |%n",
                r.posts(), r.alerts(), r.seconds(), r.alerts() / r.seconds(), r.posts() / r.seconds(),
                r.latency().getValueAtPercentile(50) / 1000.0, r.latency().getValueAtPercentile(99) / 1000.0,
                r.latency().getMaxValue() / 1000.0, r.statuses()));
        md.append(String.format(Locale.ROOT, "%nPosts: %d new groups, %d repeats, %d grows, %d resolves.%n",
                r.groups(), r.repeats(), r.grows(), r.resolves()));
        md.append(r.audit().isEmpty()
                ? String.format(Locale.ROOT, "Audit: %d groups, %d incidents, one each; every timeline has one entry "
                        + "per post with news; every resolved group's incident is mitigated; nothing lost or doubled.%n",
                        r.groups(), r.opened())
                : "Audit FAILED (" + r.audit().size() + "): " + String.join("; ", r.audit().subList(0,
                        Math.min(10, r.audit().size()))) + "\n");
        return md.toString();
    }

    /** {@code java -jar opsbot-bench.jar --alerts [--alert-rate=1000] [--alert-seconds=30]}. */
    static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(arg(args, "--alert-rate", "1000"));
        int seconds = Integer.parseInt(arg(args, "--alert-seconds", "30"));
        try (LoopbackWebApi api = new LoopbackWebApi()) {
            Result r = run(api, rate, seconds);
            System.out.println(markdown(r, rate, seconds));
        }
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
