package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import dev.opsbot.slack.FakeSlack;
import dev.opsbot.slack.SlackClient;
import dev.opsbot.store.MongoStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application in its own process, killed while signed declarations stream in, restarted on
 * the same data directory: nothing it answered is lost, no id is handed out twice, and each
 * announcement reaches Slack once (a post whose HTTP call was in flight at a kill may go twice).
 */
class CrashSafetyTest {

    private static final String SECRET = "crash-signing-secret";
    private static final Pattern ID = Pattern.compile("INC-\\d+");
    private static final Duration START_PATIENCE = Duration.ofSeconds(120);
    private static final int SENDERS = 4;
    /** The suite's run is short; the check runs it longer from the command line (docs/benchmarks.md). */
    private static final int KILLS = Integer.getInteger("crash.kills", 2);
    private static final int ANSWERS_BEFORE_KILL = Integer.getInteger("crash.answers", 20);
    private static final int DECLARATIONS_PER_ROUND = Integer.getInteger("crash.declarations", 60);

    @TempDir
    Path dir;

    private FakeSlack slack;
    private Map<String, String> env;
    /** Title of each declaration that was answered, by the id the answer gave it. */
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    /** Answers that gave an id already answered for another declaration. */
    private final List<String> reused = new ArrayList<>();

    @BeforeEach
    void fakeSlack() throws Exception {
        slack = new FakeSlack();
        env = Map.of("SLACK_BOT_TOKEN", "xoxb-crash", "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.apiUrl(), "OPSBOT_DATA_DIR", dir.resolve("data").toString(),
                "OPSBOT_INCIDENT_CHANNEL", "slack:CINCIDENTS");
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void killedMidStreamItLosesNoAnsweredDeclarationAndReusesNoId() throws Exception {
        int kills = KILLS;
        for (int round = 1; round <= kills; round++) {
            ChildOpsbot app = start(round);
            declareUntil(app, "k" + round, ANSWERS_BEFORE_KILL, DECLARATIONS_PER_ROUND, app::kill);
        }
        ChildOpsbot app = start(kills + 1);
        declareUntil(app, "t", 10, DECLARATIONS_PER_ROUND, () -> {
            Duration exit = app.terminate(Duration.ofSeconds(30));
            System.out.println("crash-safety: exit " + exit.toMillis() + " ms after SIGTERM under load");
        });
        ChildOpsbot last = start(kills + 2);
        awaitEveryAnsweredDeclarationAnnounced();
        int before = answered.size();
        declareUntil(last, "after", 5, 5, () -> { });
        assertThat(answered).as("five more declarations, each with a fresh id").hasSize(before + 5);
        awaitEveryAnsweredDeclarationAnnounced();
        last.terminate(Duration.ofSeconds(30));

        assertThat(reused).as("answers that reused an id").isEmpty();
        try (MongoStore store = MongoStore.embedded(dir.resolve("data"))) {
            MongoCollection<Document> incidents = store.database().getCollection("incidents");
            answered.forEach((id, title) -> {
                Document stored = incidents.find(new Document("_id", id)).first();
                assertThat(stored).as("answered %s '%s'", id, title).isNotNull();
                assertThat(stored.getString("title")).as("title of %s", id).isEqualTo(title);
            });
        }
        // A flooded channel gets several announcements in one roundup post, so each post is read
        // for every id it carries; a post that repeats an id already posted is a repeated post.
        Map<String, Integer> posts = new ConcurrentHashMap<>();
        int repeatedPosts = 0;
        for (FakeSlack.Call call : slack.postAttempts()) {
            Set<String> ids = idsIn(call);
            if (ids.stream().anyMatch(posts::containsKey)) {
                repeatedPosts++;
            }
            ids.forEach(id -> posts.merge(id, 1, Integer::sum));
        }
        long duplicates = posts.values().stream().mapToInt(n -> n - 1).sum();
        System.out.println("crash-safety: " + answered.size() + " answered declarations, " + posts.size()
                + " announced, " + duplicates + " announcement(s) posted twice, in " + repeatedPosts
                + " repeated post(s), over " + kills + " kills and a SIGTERM");
        assertThat(posts).as("announced ids").containsKeys(answered.keySet().toArray(String[]::new))
                .allSatisfy((id, n) -> assertThat(n).as("posts of %s", id).isLessThanOrEqualTo(2));
        assertThat(repeatedPosts).as("posts repeated: at most the one in flight at each kill").isLessThanOrEqualTo(kills);
    }

    private ChildOpsbot start(int round) throws Exception {
        long start = System.nanoTime();
        ChildOpsbot app = ChildOpsbot.start(env, dir.resolve("opsbot-" + round + ".log"), START_PATIENCE);
        System.out.println("crash-safety: start " + round + " healthy after "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        return app;
    }

    interface Stop {
        void stop() throws Exception;
    }

    /**
     * {@link #SENDERS} clients declare one incident after another, {@code limit} in all; once
     * {@code answers} of them were answered, {@code stop} runs while the clients keep sending, so
     * requests are in flight.
     */
    private void declareUntil(ChildOpsbot app, String tag, int answers, int limit, Stop stop) throws Exception {
        SlackClient client = new SlackClient(app.events(), SECRET, slack);
        AtomicInteger count = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        Object enough = new Object();
        for (int s = 0; s < SENDERS; s++) {
            senders.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    int n = next.incrementAndGet();
                    if (n > limit) {
                        return null;
                    }
                    String title = "crash " + tag + " n" + n;
                    try {
                        String body = SlackClient.commandBody("U1", "C1", "/incident", "declare sev3 " + title,
                                slack.responseUrl(title.replace(' ', '-')), "13345224609." + title.hashCode());
                        SlackClient.Sent sent = client.send(body);
                        Matcher m = ID.matcher(sent.body());
                        if (sent.status() == 200 && m.find()) {
                            record(m.group(), title);
                            synchronized (enough) {
                                if (count.incrementAndGet() >= answers) {
                                    enough.notifyAll();
                                }
                            }
                        }
                    } catch (Exception stopped) {
                        return null;
                    }
                }
                return null;
            });
        }
        synchronized (enough) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count.get() < answers && System.nanoTime() < deadline) {
                enough.wait(1_000);
            }
        }
        assertThat(count.get()).as("declarations answered by %s", tag).isGreaterThanOrEqualTo(answers);
        stop.stop();
        senders.shutdownNow();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        recordLateAnswers();
    }

    /** Answers that took longer than Slack's ack window went to the command's response_url. */
    private void recordLateAnswers() throws InterruptedException {
        while (slack.pendingResponses() > 0) {
            FakeSlack.Call late = slack.nextResponse();
            Matcher m = ID.matcher(late.body());
            if (m.find()) {
                String key = late.path().substring(late.path().lastIndexOf('/') + 1);
                record(m.group(), key.replace('-', ' '));
            }
        }
    }

    private void record(String id, String title) {
        String earlier = answered.putIfAbsent(id, title);
        if (earlier != null && !earlier.equals(title)) {
            synchronized (reused) {
                reused.add(id + " for '" + earlier + "' and then '" + title + "'");
            }
        }
    }

    private void awaitEveryAnsweredDeclarationAnnounced() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Set<String> announced = new HashSet<>();
            slack.postAttempts().forEach(call -> announced.addAll(idsIn(call)));
            if (announced.containsAll(answered.keySet())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not every answered declaration was announced within 60 s");
    }

    private static Set<String> idsIn(FakeSlack.Call call) {
        Set<String> ids = new HashSet<>();
        Matcher m = ID.matcher(call.form().getOrDefault("text", "") + "\n" + call.form().getOrDefault("blocks", ""));
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }
}
