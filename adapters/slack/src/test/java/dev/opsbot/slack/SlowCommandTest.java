package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A command slower than the ack budget is acknowledged at once and answered through response_url. */
class SlowCommandTest {

    static final String SECRET = "slow-test-signing-secret";

    /** A feature whose one command waits until the test lets it finish. */
    static final class Slowpoke {
        final CountDownLatch release = new CountDownLatch(1);

        Reply report() {
            try {
                if (!release.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the slow command");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.toChannel("Capacity report").text("all disks below 70%").build();
        }
    }

    static final CommandRoot<Slowpoke> ROOT = CommandRoot.of("slowpoke", "A command that takes its time",
            CommandSpec.of("report", "Takes a while", (Slowpoke s, dev.opsbot.command.CommandCall c) -> s.report()),
            CommandSpec.of("crash", "Fails beyond what the router catches", (Slowpoke s, dev.opsbot.command.CommandCall c) -> {
                throw new AssertionError("broken on purpose");
            }));

    final Slowpoke slowpoke = new Slowpoke();

    @RegisterExtension
    final SlackFixture app = new SlackFixture(SECRET, Duration.ofMillis(200), ROOT.handledBy(slowpoke));

    @AfterEach
    void release() {
        // Before the fixture closes the adapter, so no worker is left waiting on the latch.
        slowpoke.release.countDown();
    }

    @Test
    void theAckComesBeforeTheAnswerAndTheAnswerFollowsThroughTheResponseUrl() throws Exception {
        var acked = app.client.send(app.client.commandBody("U1", "C1", "/slowpoke", "report"));

        // The command is still blocked on the latch, so this ack cannot contain its answer.
        assertThat(slowpoke.release.getCount()).isEqualTo(1);
        assertThat(acked.status()).isEqualTo(200);
        assertThat(acked.body()).isEmpty();
        assertThat(app.slack.pendingResponses()).isZero();

        slowpoke.release.countDown();

        JsonObject answer = Json.parse(app.slack.nextResponse().body());
        assertThat(answer.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(Json.allText(answer)).contains("Capacity report", "all disks below 70%");
    }

    @Test
    void aFailureBeyondTheRouterIsAnApologyWithAReferenceAndNoStackTrace() throws Exception {
        var sent = app.client.send(app.client.commandBody("U1", "C1", "/slowpoke", "crash"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(Json.allText(sent.json())).containsPattern("failed on our side \\(ref [0-9a-f]{8}\\)")
                .doesNotContain("AssertionError", "broken on purpose");
    }

    @Test
    void aFastCommandOfTheSameAdapterStillAnswersInTheAck() throws Exception {
        var sent = app.client.send(app.client.commandBody("U1", "C1", "/slowpoke", "help"));

        assertThat(sent.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(Json.allText(sent.json())).contains("/slowpoke report");
        assertThat(app.slack.pendingResponses()).isZero();
    }
}
