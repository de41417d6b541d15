package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import dev.opsbot.slack.FakeSlack;
import dev.opsbot.slack.SlackClient;
import dev.opsbot.store.MongoStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A shutdown (what SIGTERM triggers) while an announcement is still being posted: the web server
 * stops taking commands first, the outbox waits its grace and hands the post back, the store
 * closes last, and nothing writes to it afterwards, not even when Slack answers late.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutboxShutdownTest {

    static final String SECRET = "shutdown-signing-secret";
    static final String KEY = "INC-1:declared:slack:CINCIDENTS";
    /** The bound the architecture page states for a shutdown with nothing else in flight. */
    static final Duration BOUND = Duration.ofSeconds(3);

    @Test
    void aPostUnderWayAtShutdownIsHandedBackWithinTheBoundAndTheStoreIsNeverUsedAfterItCloses(
            @TempDir Path data, CapturedOutput output) throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            ConfigurableApplicationContext app = SpringApplication.run(OpsbotApplication.class,
                    "--server.port=0", "--server.address=127.0.0.1", "--opsbot.mode=server",
                    "--SLACK_BOT_TOKEN=xoxb-shutdown", "--SLACK_SIGNING_SECRET=" + SECRET,
                    "--SLACK_API_URL=" + slack.apiUrl(), "--opsbot.data-dir=" + data,
                    "--opsbot.incident-channel=slack:CINCIDENTS");
            CountDownLatch held = slack.holdPosts(1);
            SlackClient client = new SlackClient(URI.create("http://127.0.0.1:"
                    + app.getEnvironment().getProperty("local.server.port") + "/slack/events"), SECRET, slack);
            assertThat(client.send(client.commandBody("U1", "C1", "/incident", "declare sev2 slow slack")).status())
                    .isEqualTo(200);
            assertThat(held.await(10, TimeUnit.SECONDS)).as("the announcement is being posted").isTrue();

            long began = System.nanoTime();
            app.close();
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            slack.answerHeldPosts();
            awaitPostingThreads();

            System.out.printf("shutdown with a post held by Slack took %d ms%n", took.toMillis());
            assertThat(took).isGreaterThanOrEqualTo(OutboxDispatcher.GRACE).isLessThan(BOUND);
            assertThat(output.getErr()).doesNotContain("state should be: open").doesNotContain("could not record");
            int webStopped = output.getErr().indexOf("Graceful shutdown complete");
            int outboxStopped = output.getErr().indexOf("outbox stopped with posts still under way");
            assertThat(webStopped).as("the web server stopped taking commands").isNotNegative();
            assertThat(outboxStopped).as("then the outbox handed its post back").isGreaterThan(webStopped);
            try (MongoStore store = MongoStore.embedded(data)) {
                Document row = store.database().getCollection("outbox").find(Filters.eq("_id", KEY)).first();
                Document entry = store.database().getCollection("outbox_queue").find(Filters.eq("_id", KEY)).first();
                assertThat(row.getString("status")).isEqualTo("pending");
                assertThat(entry.getDate("leasedUntil")).as("due at once at the next start").isEqualTo(new Date(0));
            }
        }
    }

    /** The posting threads were told to end; once they have, a late answer has been dealt with. */
    private static void awaitPostingThreads() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("outbox-post")) {
                t.join(10_000);
            }
        }
    }
}
