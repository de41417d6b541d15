package dev.opsbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.RecordingPoster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The background courier: channels in parallel, and a shutdown that waits a bounded time for a
 * post under way, then hands it back so the store can close with nothing left to write.
 */
class CourierTest {

    private static final Duration GRACE = Duration.ofMillis(300);
    // Time allowed on top of the grace on a loaded machine; the bound itself is what is measured.
    private static final Duration SLACK_TIME = Duration.ofMillis(1500);

    /** The real store until {@link #close}; after it, every use is recorded and fails as MongoDB's does. */
    static final class ClosingStore implements OutboxStore {
        private final OutboxStore store;
        private volatile boolean closed;
        final List<String> usedAfterClose = new CopyOnWriteArrayList<>();

        ClosingStore(OutboxStore store) {
            this.store = store;
        }

        void close() {
            closed = true;
        }

        private void open(String what) {
            if (closed) {
                usedAfterClose.add(what);
                throw new IllegalStateException("state should be: open");
            }
        }

        @Override
        public boolean add(Envelope envelope) {
            open("add");
            return store.add(envelope);
        }

        @Override
        public List<Waiting> waiting(Collection<Platform> platforms, int limit) {
            open("waiting");
            return store.waiting(platforms, limit);
        }

        @Override
        public Claim claim(List<Waiting> entries, Instant now, Instant until, String token) {
            open("claim");
            return store.claim(entries, now, until, token);
        }

        @Override
        public void markSent(Collection<String> keys, Instant at) {
            open("markSent");
            store.markSent(keys, at);
        }

        @Override
        public void retryAt(Collection<String> keys, String token, Instant next, String reason) {
            open("retryAt");
            store.retryAt(keys, token, next, reason);
        }

        @Override
        public void markFailed(Collection<String> keys, String reason) {
            open("markFailed");
            store.markFailed(keys, reason);
        }

        @Override
        public void release(Collection<String> keys, String token, boolean alone) {
            open("release");
            store.release(keys, token, alone);
        }

        @Override
        public long pruneSentBefore(Instant cutoff) {
            open("prune");
            return store.pruneSentBefore(cutoff);
        }

        @Override
        public List<ChannelRef> storyChannels(String story) {
            open("storyChannels");
            return store.storyChannels(story);
        }

        @Override
        public java.util.Optional<String> opening(String story, ChannelRef channel) {
            open("opening");
            return store.opening(story, channel);
        }

        @Override
        public void keepOpening(String story, ChannelRef channel, String ref, boolean replace) {
            open("keepOpening");
            store.keepOpening(story, channel, ref, replace);
        }
    }

    /** Holds every post until let go; counts posts that went through. */
    static final class HeldPoster implements ChannelPoster {
        final CountDownLatch started;
        final CountDownLatch letGo = new CountDownLatch(1);
        final AtomicInteger posted = new AtomicInteger();
        final AtomicInteger underWay = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        HeldPoster(int expectedStarts) {
            started = new CountDownLatch(expectedStarts);
        }

        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public void post(ChannelRef channel, Reply message) {
            threads.add(Thread.currentThread());
            int now = underWay.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            started.countDown();
            try {
                // Like an HTTP call that does not notice interrupts: it returns when the platform answers.
                while (true) {
                    try {
                        if (letGo.await(10, TimeUnit.SECONDS)) {
                            break;
                        }
                    } catch (InterruptedException ignored) {
                        // keep waiting, as a blocking socket read would
                    }
                }
                posted.incrementAndGet();
            } finally {
                underWay.decrementAndGet();
            }
        }
    }

    private final MongoStore mongo = MongoStore.inMemory();
    private final ClosingStore store = new ClosingStore(new MongoOutbox(mongo.database()));
    private final Outbox outbox = new Outbox(store, Clock.systemUTC());

    @AfterEach
    void close() {
        mongo.close();
    }

    private Document row(String key) {
        return mongo.database().getCollection("outbox").find(Filters.eq("_id", key)).first();
    }

    private Document entry(String key) {
        return mongo.database().getCollection("outbox_queue").find(Filters.eq("_id", key)).first();
    }

    private static ChannelRef channel(String id) {
        return new ChannelRef(Platform.SLACK, id, id);
    }

    @Test
    void aPostStillUnderWayAtShutdownIsHandedBackAndNeverRecordedLate() throws Exception {
        HeldPoster slack = new HeldPoster(1);
        outbox.register(slack);
        Courier courier = new Courier(outbox, 4, Duration.ofSeconds(1));
        courier.start(true);
        outbox.announce(channel("C1"), Reply.toChannel("INC-1 declared").build(), "INC-1:declared");
        assertThat(slack.started.await(10, TimeUnit.SECONDS)).isTrue();

        long began = System.nanoTime();
        boolean clean = courier.stop(GRACE);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        store.close();
        slack.letGo.countDown();

        assertThat(clean).isFalse();
        assertThat(took).isGreaterThanOrEqualTo(GRACE).isLessThan(GRACE.plus(SLACK_TIME));
        assertThat(row("INC-1:declared").getString("status")).isEqualTo("pending");
        assertThat(entry("INC-1:declared").getDate("leasedUntil")).as("due at once at the next start")
                .isEqualTo(new java.util.Date(0));
        awaitQuiet(slack);
        assertThat(store.usedAfterClose).isEmpty();

        Outbox nextStart = new Outbox(new MongoOutbox(mongo.database()), Clock.systemUTC());
        RecordingPoster after = new RecordingPoster(Platform.SLACK);
        nextStart.register(after);
        assertThat(nextStart.deliverDue()).isEqualTo(1);
        assertThat(after.posts()).extracting(RecordingPoster.Post::text).containsExactly("INC-1 declared");
    }

    @Test
    void aPostThatFinishesWithinTheGraceIsMarkedSentOnce() throws Exception {
        HeldPoster slack = new HeldPoster(1);
        outbox.register(slack);
        Courier courier = new Courier(outbox, 4, Duration.ofSeconds(1));
        courier.start(true);
        outbox.announce(channel("C1"), Reply.toChannel("INC-2 declared").build(), "INC-2:declared");
        assertThat(slack.started.await(10, TimeUnit.SECONDS)).isTrue();

        Thread answer = new Thread(() -> {
            while (courier.isRunning()) {
                Thread.onSpinWait();
            }
            // Slack answers while the courier is stopping.
            slack.letGo.countDown();
        });
        answer.start();
        boolean clean = courier.stop(Duration.ofSeconds(5));
        store.close();
        answer.join();

        assertThat(clean).isTrue();
        assertThat(slack.posted).hasValue(1);
        assertThat(row("INC-2:declared").getString("status")).isEqualTo("sent");
        assertThat(entry("INC-2:declared")).isNull();
        assertThat(store.usedAfterClose).isEmpty();
    }

    @Test
    void channelsArePostedInParallelWithOnePostInFlightEach() throws Exception {
        HeldPoster slack = new HeldPoster(3);
        outbox.register(slack);
        Courier courier = new Courier(outbox, 4, Duration.ofSeconds(1));
        courier.start(true);
        for (String c : List.of("C1", "C2", "C3")) {
            outbox.announce(channel(c), Reply.toChannel(c + " first").build(), c + ":1");
            outbox.announce(channel(c), Reply.toChannel(c + " second").build(), c + ":2");
        }

        assertThat(slack.started.await(10, TimeUnit.SECONDS)).as("three channels under way at once").isTrue();
        assertThat(slack.underWay).as("not two to one channel").hasValue(3);
        slack.letGo.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (slack.posted.get() < 6 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(courier.stop(GRACE)).isTrue();

        assertThat(slack.posted).hasValue(6);
        assertThat(slack.mostAtOnce).hasValue(3);
        assertThat(mongo.database().getCollection("outbox_queue").countDocuments()).isZero();
    }

    /** Waits until the posting threads, which the stop told to end, have finished what they were doing. */
    private static void awaitQuiet(HeldPoster poster) throws InterruptedException {
        for (Thread t : poster.threads) {
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
        }
    }
}
