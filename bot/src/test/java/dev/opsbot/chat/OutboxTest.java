package dev.opsbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import dev.opsbot.testing.RecordingPoster;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    /** A poster whose next answers are scripted; with no script left it posts successfully. */
    static final class ScriptedPoster implements ChannelPoster {
        final List<String> posted = new ArrayList<>();
        final Deque<ChannelPoster.DeliveryFailure> failures = new ArrayDeque<>();
        int attempts;
        Runnable during = () -> { };

        @Override
        public Platform platform() {
            return Platform.CONSOLE;
        }

        @Override
        public void post(ChannelRef channel, Reply message) throws DeliveryFailure {
            attempts++;
            during.run();
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            posted.add(channel.id() + ": " + message.plainText());
        }
    }

    private final MutableClock clock = MutableClock.at("2026-11-27T14:00:00Z");
    private final MongoStore store = MongoStore.inMemory();
    private final MongoCollection<Document> rows = store.database().getCollection("outbox");
    private final ScriptedPoster poster = new ScriptedPoster();
    private final Outbox outbox = outbox();
    private final ChannelRef incidents = ChannelRef.console("incidents");

    private Outbox outbox() {
        Outbox o = new Outbox(new MongoOutbox(store.database()), clock);
        o.register(poster);
        return o;
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private Document row(String key) {
        return rows.find(Filters.eq("_id", key)).first();
    }

    @Test
    void aMessageIsStoredBeforeAnythingIsSent() {
        int[] woken = {0};
        outbox.onAnnounce(() -> woken[0]++);
        outbox.announce(incidents, Reply.note("INC-1 declared"), "INC-1:declared");
        assertThat(poster.attempts).isZero();
        assertThat(woken[0]).isEqualTo(1);
        assertThat(row("INC-1:declared").getString("status")).isEqualTo("pending");

        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(poster.posted).containsExactly("incidents: INC-1 declared");
        assertThat(row("INC-1:declared").getString("status")).isEqualTo("sent");
    }

    @Test
    void aSentMessageIsNeverSentAgain() {
        outbox.announce(incidents, Reply.note("hello"), "k1");
        outbox.deliverDue();
        clock.advance(Duration.ofDays(2));
        assertThat(outbox.deliverDue()).isZero();
        assertThat(poster.attempts).isEqualTo(1);
    }

    @Test
    void theSameKeyIsStoredAndSentOnce() {
        int[] woken = {0};
        outbox.onAnnounce(() -> woken[0]++);
        outbox.announce(incidents, Reply.note("first"), "INC-1:declared");
        outbox.announce(incidents, Reply.note("second"), "INC-1:declared");
        outbox.deliverDue();
        outbox.announce(incidents, Reply.note("third"), "INC-1:declared");
        outbox.deliverDue();
        assertThat(rows.countDocuments()).isEqualTo(1);
        assertThat(poster.posted).containsExactly("incidents: first");
        assertThat(woken[0]).isEqualTo(1);
    }

    @Test
    void theWholeReplySurvivesStorage() {
        Reply rich = Reply.toChannel("INC-4 · sev1").text("Declared by " + Inline.user(Actor.console("bob")))
                .field("Owner", "bob").row("a row").button("Ack", "/incident ack INC-4", Reply.Button.Style.PRIMARY)
                .footer("foot").tone(Reply.Tone.DANGER).build();
        List<Reply> got = new ArrayList<>();
        Outbox capturing = new Outbox(new MongoOutbox(store.database()), clock);
        capturing.register(new ChannelPoster() {
            @Override
            public Platform platform() {
                return Platform.CONSOLE;
            }

            @Override
            public void post(ChannelRef channel, Reply message) {
                got.add(message);
            }
        });
        capturing.announce(incidents, rich, "rich");
        capturing.deliverDue();
        assertThat(got).containsExactly(rich);
    }

    @Test
    void aRetryableFailureIsRetriedWithGrowingBackoff() {
        poster.failures.add(ChannelPoster.DeliveryFailure.retryable("connection reset", null));
        poster.failures.add(ChannelPoster.DeliveryFailure.retryable("connection reset", null));
        outbox.announce(incidents, Reply.note("hello"), "k1");

        assertThat(outbox.deliverDue()).isZero();
        assertThat(poster.attempts).isEqualTo(1);
        assertThat(row("k1").getString("lastError")).isEqualTo("connection reset");
        clock.advance(Duration.ofMillis(999));
        outbox.deliverDue();
        assertThat(poster.attempts).as("not before the first backoff of 1s").isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        outbox.deliverDue();
        assertThat(poster.attempts).isEqualTo(2);
        clock.advance(Duration.ofMillis(1999));
        outbox.deliverDue();
        assertThat(poster.attempts).as("not before the second backoff of 2s").isEqualTo(2);
        clock.advance(Duration.ofMillis(1));
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(poster.posted).containsExactly("incidents: hello");
        assertThat(row("k1").getString("status")).isEqualTo("sent");
    }

    @Test
    void backoffDoublesUpToFiveMinutes() {
        assertThat(Outbox.backoff(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Outbox.backoff(4, Duration.ZERO)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Outbox.backoff(9, null)).isEqualTo(Duration.ofMinutes(4).plusSeconds(16));
        assertThat(Outbox.backoff(10, null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Outbox.backoff(500, null)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void thePlatformsRetryAfterIsHonoured() {
        poster.failures.add(ChannelPoster.DeliveryFailure.retryable("rate limited", Duration.ofSeconds(30)));
        outbox.announce(incidents, Reply.note("hello"), "k1");
        outbox.deliverDue();
        clock.advance(Duration.ofSeconds(29));
        outbox.deliverDue();
        assertThat(poster.attempts).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(poster.attempts).isEqualTo(2);
    }

    @Test
    void aPermanentFailureIsMarkedFailedAndNeverRetried() {
        poster.failures.add(ChannelPoster.DeliveryFailure.permanent("channel_not_found"));
        outbox.announce(incidents, Reply.note("hello"), "k1");
        outbox.deliverDue();
        clock.advance(Duration.ofHours(3));
        outbox.deliverDue();
        assertThat(poster.attempts).isEqualTo(1);
        assertThat(row("k1").getString("status")).isEqualTo("failed");
        assertThat(row("k1").getString("lastError")).isEqualTo("channel_not_found");
    }

    @Test
    void aMessageThatKeepsFailingIsGivenUpAfterADay() {
        for (int i = 0; i < 400; i++) {
            poster.failures.add(ChannelPoster.DeliveryFailure.retryable("down", null));
        }
        outbox.announce(incidents, Reply.note("hello"), "k1");
        for (int minutes = 0; minutes <= 24 * 60 + 10; minutes += 5) {
            outbox.deliverDue();
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(row("k1").getString("status")).isEqualTo("failed");
        int attempts = poster.attempts;
        clock.advance(Duration.ofHours(1));
        outbox.deliverDue();
        assertThat(poster.attempts).isEqualTo(attempts);
    }

    @Test
    void anUnexpectedErrorInThePosterIsRetriedNotLost() {
        poster.during = () -> {
            if (poster.attempts == 1) {
                throw new IllegalStateException("bug in adapter");
            }
        };
        outbox.announce(incidents, Reply.note("hello"), "k1");
        assertThat(outbox.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(poster.posted).containsExactly("incidents: hello");
    }

    @Test
    void aLeasedMessageIsNotSentByASecondDispatcher() {
        ScriptedPoster other = new ScriptedPoster();
        Outbox second = new Outbox(new MongoOutbox(store.database()), clock);
        second.register(other);
        int[] sentBySecond = {-1};
        poster.during = () -> sentBySecond[0] = second.deliverDue();

        outbox.announce(incidents, Reply.note("hello"), "k1");
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(sentBySecond[0]).as("the second dispatcher ran while the first was posting").isZero();
        assertThat(other.attempts).isZero();
        assertThat(poster.posted).containsExactly("incidents: hello");
    }

    @Test
    void aMessageClaimedByADispatcherThatDiedIsSentOnceItsLeaseRunsOut() {
        MongoOutbox rowsStore = new MongoOutbox(store.database());
        outbox.announce(incidents, Reply.note("hello"), "k1");
        assertThat(rowsStore.claim(rowsStore.waiting(List.of(Platform.CONSOLE), 10), clock.instant(),
                clock.instant().plusSeconds(60), "died").held()).hasSize(1);

        assertThat(outbox.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(outbox.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(poster.posted).containsExactly("incidents: hello");
    }

    @Test
    void pendingMessagesSurviveARestart() {
        Outbox beforeRestart = new Outbox(new MongoOutbox(store.database()), clock);
        beforeRestart.announce(incidents, Reply.note("stored, then the bot stopped"), "k1");

        Outbox afterRestart = new Outbox(new MongoOutbox(store.database()), clock);
        afterRestart.register(poster);
        assertThat(afterRestart.deliverDue()).isEqualTo(1);
        assertThat(poster.posted).containsExactly("incidents: stored, then the bot stopped");
    }

    @Test
    void messagesForAPlatformWithoutAPosterWait() {
        ChannelRef slack = new ChannelRef(Platform.SLACK, "C042", "ops");
        outbox.announce(slack, Reply.note("for slack"), "k-slack");
        outbox.announce(incidents, Reply.note("for console"), "k-console");
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(poster.posted).containsExactly("incidents: for console");
        assertThat(row("k-slack").getString("status")).isEqualTo("pending");
    }

    @Test
    void dueMessagesGoOutOldestFirst() {
        outbox.announce(incidents, Reply.note("one"), "k1");
        clock.advance(Duration.ofSeconds(1));
        outbox.announce(incidents, Reply.note("two"), "k2");
        clock.advance(Duration.ofSeconds(1));
        outbox.announce(incidents, Reply.note("three"), "k3");
        assertThat(outbox.deliverDue()).isEqualTo(3);
        assertThat(poster.posted).containsExactly("incidents: one", "incidents: two", "incidents: three");
    }

    @Test
    void aMessageWhoseQueueEntryWasLostIsQueuedAgainAtStartAndSentOnce() throws Exception {
        Outbox first = new Outbox(new MongoOutbox(store.database()), clock);
        first.announce(ChannelRef.console("ops"), Reply.note("lost entry"), "k-lost");
        store.database().getCollection("outbox_queue").deleteMany(new Document());

        Outbox restarted = new Outbox(new MongoOutbox(store.database()), clock);
        RecordingPoster poster = new RecordingPoster(Platform.CONSOLE);
        restarted.register(poster);

        assertThat(restarted.deliverDue()).isEqualTo(1);
        assertThat(restarted.deliverDue()).isZero();
        assertThat(poster.posts()).hasSize(1);
        assertThat(row("k-lost").getString("status")).isEqualTo("sent");
        assertThat(store.database().getCollection("outbox_queue").countDocuments()).isZero();
    }
}
