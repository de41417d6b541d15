package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.opsbot.chat.ChannelPoster.DeliveryFailure;
import dev.opsbot.chat.Reply;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Announcements through the durable outbox and chat.postMessage: exactly once, whatever Slack answers. */
class SlackOutboxTest {

    static final String SECRET = "outbox-test-signing-secret";

    FakeSlack slack;
    MongoStore store;
    MutableClock clock = MutableClock.at("2026-11-27T14:00:00Z");

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        store = MongoStore.inMemory();
    }

    @AfterEach
    void stop() {
        store.close();
        slack.close();
    }

    SlackSettings settings() {
        return new SlackSettings("xoxb-test", SECRET, null, slack.apiUrl(), null);
    }

    @Test
    void aBurstOf429sAcrossARestartStillDeliversExactlyOnce() throws Exception {
        slack.scriptPosts(FakeSlack.Answer.rateLimited(7), FakeSlack.Answer.rateLimited(7),
                FakeSlack.Answer.rateLimited(7));
        SlackCore before = new SlackCore(store, clock);
        SlackAdapter first = new SlackAdapter(settings(), before.router);
        before.outbox.register(first.poster());
        try (BoltServer server = new BoltServer(first)) {
            SlackClient client = new SlackClient(server.events(), SECRET, slack);
            client.send(client.commandBody("U1", "C1", "/incident", "declare sev1 checkout down"));
        }

        assertThat(before.outbox.deliverDue()).isZero();
        assertThat(slack.postAttempts()).hasSize(1);
        clock.advance(Duration.ofSeconds(6));
        assertThat(before.outbox.deliverDue()).as("Slack asked for 7 seconds").isZero();
        assertThat(slack.postAttempts()).hasSize(1);
        first.close();

        SlackCore after = new SlackCore(store, clock);
        SlackAdapter second = new SlackAdapter(settings(), after.router);
        after.outbox.register(second.poster());
        try {
            clock.advance(Duration.ofSeconds(1));
            assertThat(after.outbox.deliverDue()).isZero();
            clock.advance(Duration.ofSeconds(7));
            assertThat(after.outbox.deliverDue()).isZero();
            clock.advance(Duration.ofSeconds(7));
            assertThat(after.outbox.deliverDue()).isEqualTo(1);
            clock.advance(Duration.ofHours(1));
            assertThat(after.outbox.deliverDue()).isZero();
        } finally {
            second.close();
        }

        assertThat(slack.postAttempts()).hasSize(4);
        assertThat(slack.delivered()).hasSize(1);
        FakeSlack.Call message = slack.delivered().get(0);
        assertThat(message.form()).containsEntry("channel", "CINCIDENTS");
        assertThat(message.authorization()).isEqualTo("Bearer xoxb-test");
        assertThat(message.form().get("text")).contains("INC-1 · sev1 · checkout down");
        assertThat(Json.allText(Json.parseArray(message.form().get("blocks")))).contains("Declared by <@U1>.");
    }

    @Test
    void anUnknownChannelIsGivenUpAtOnce() throws Exception {
        slack.scriptPosts(FakeSlack.Answer.error("channel_not_found"));
        SlackCore core = new SlackCore(store, clock);
        try (SlackAdapter adapter = new SlackAdapter(settings(), core.router)) {
            core.outbox.register(adapter.poster());
            core.outbox.announce(SlackCore.INCIDENTS, Reply.note("hello"), "test:hello");

            assertThat(core.outbox.deliverDue()).isZero();
            clock.advance(Duration.ofHours(1));
            assertThat(core.outbox.deliverDue()).isZero();
        }
        assertThat(slack.postAttempts()).hasSize(1);
        assertThat(slack.delivered()).isEmpty();
    }

    @Test
    void slackErrorsAreSortedIntoRetryableAndPermanent() throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl() + "/api/");
        try (Slack client = Slack.getInstance(config)) {
            SlackPoster poster = new SlackPoster(client.methods("xoxb-test"));
            slack.scriptPosts(FakeSlack.Answer.rateLimited(30), new FakeSlack.Answer(503, null, "{}"),
                    FakeSlack.Answer.error("internal_error"), FakeSlack.Answer.error("not_in_channel"),
                    FakeSlack.Answer.error("invalid_auth"), FakeSlack.Answer.error("channel_not_found"));

            DeliveryFailure limited = failure(poster);
            assertThat(limited.isRetryable()).isTrue();
            assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(failure(poster).isRetryable()).as("HTTP 503").isTrue();
            assertThat(failure(poster).isRetryable()).as("internal_error").isTrue();
            assertThat(failure(poster).isRetryable()).as("not_in_channel").isFalse();
            assertThat(failure(poster).isRetryable()).as("invalid_auth").isFalse();
            assertThat(failure(poster).isRetryable()).as("channel_not_found").isFalse();
            poster.post(SlackCore.INCIDENTS, Reply.note("finally"));
        }
        assertThat(slack.delivered()).hasSize(1);
    }

    @Test
    void aNetworkErrorIsWorthAnotherTry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + closedPort + "/api/");
        try (Slack client = Slack.getInstance(config)) {
            DeliveryFailure failure = failure(new SlackPoster(client.methods("xoxb-test")));
            assertThat(failure.isRetryable()).isTrue();
            assertThat(failure.getMessage()).startsWith("network error");
        }
    }

    private static DeliveryFailure failure(SlackPoster poster) {
        return catchThrowableOfType(DeliveryFailure.class, () -> poster.post(SlackCore.INCIDENTS, Reply.note("hi")));
    }
}
