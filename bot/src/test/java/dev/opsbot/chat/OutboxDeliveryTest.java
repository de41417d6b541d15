package dev.opsbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Order per channel, pacing, roundups for flooded channels, and exactly once when rounds race. */
class OutboxDeliveryTest {

    /** A Slack-like poster: one message a second per channel, roundups of up to ten. */
    static final class PacedPoster implements ChannelPoster {
        final List<RecordedPost> posts = new CopyOnWriteArrayList<>();
        final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
        volatile boolean overlapped;
        volatile ChannelPoster.DeliveryFailure refuseRoundups;
        volatile String failOnceIn;
        private final Pace pace;

        PacedPoster(Pace pace) {
            this.pace = pace;
        }

        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public Pace pace() {
            return pace;
        }

        @Override
        public void post(ChannelRef channel, Reply message) {
            throw new AssertionError("the outbox posts with a key");
        }

        @Override
        public void post(ChannelRef channel, Reply message, String key) throws DeliveryFailure {
            if (inFlight.merge(channel.id(), 1, Integer::sum) > 1) {
                overlapped = true;
            }
            try {
                if (channel.id().equals(failOnceIn)) {
                    failOnceIn = null;
                    throw DeliveryFailure.retryable("connection reset", null);
                }
                if (refuseRoundups != null && message.title().endsWith(" announcements")) {
                    throw refuseRoundups;
                }
                posts.add(new RecordedPost(channel.id(), message, key));
            } finally {
                inFlight.merge(channel.id(), -1, Integer::sum);
            }
        }

        /** What each post to a channel stood for: the announcement titles it carried, in order. */
        List<String> titlesIn(String channel) {
            List<String> titles = new ArrayList<>();
            for (RecordedPost p : posts) {
                if (p.channel().equals(channel)) {
                    if (p.message().title().endsWith(" announcements")) {
                        p.message().rows().forEach(r -> titles.add(Inline.plain(r).split(" — ")[0]));
                    } else {
                        titles.add(Inline.plain(p.message().title()));
                    }
                }
            }
            return titles;
        }
    }

    record RecordedPost(String channel, Reply message, String key) {
    }

    private final MutableClock clock = MutableClock.at("2026-11-27T14:00:00Z");
    private final MongoStore store = MongoStore.inMemory();
    private final PacedPoster slack = new PacedPoster(new ChannelPoster.Pace(Duration.ofSeconds(1), 10));
    private final Outbox outbox = outbox(slack);

    private Outbox outbox(ChannelPoster poster) {
        Outbox o = new Outbox(new MongoOutbox(store.database()), clock);
        o.register(poster);
        return o;
    }

    private static ChannelRef channel(String id) {
        return new ChannelRef(Platform.SLACK, id, id);
    }

    private void announce(String channel, int from, int to) {
        for (int i = from; i <= to; i++) {
            outbox.announce(channel(channel), Reply.toChannel("INC-" + i).text("declared").build(), "INC-" + i + ":" + channel);
        }
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void aPacedChannelGetsOneMessageASecondAndAFewWaitingGoOneByOneInOrder() {
        announce("C1", 1, 3);
        announce("C2", 4, 4);

        assertThat(outbox.deliverDue()).as("one for each channel").isEqualTo(2);
        assertThat(outbox.deliverDue()).as("C1 waits out its second").isZero();
        clock.advance(Duration.ofMillis(999));
        assertThat(outbox.deliverDue()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(outbox.deliverDue()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).isEqualTo(1);

        assertThat(slack.titlesIn("C1")).containsExactly("INC-1", "INC-2", "INC-3");
        assertThat(slack.titlesIn("C2")).containsExactly("INC-4");
        assertThat(slack.posts).extracting(RecordedPost::key).doesNotHaveDuplicates();
        assertThat(slack.posts).filteredOn(p -> p.message().title().endsWith(" announcements")).isEmpty();
    }

    @Test
    void moreThanThreeWaitingForAPacedChannelGoAsRoundupsOfAtMostTenInOrder() {
        announce("C1", 1, 1);
        assertThat(outbox.deliverDue()).isEqualTo(1);
        announce("C1", 2, 24);

        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).isEqualTo(10);
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).isEqualTo(10);
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).as("three left: one by one again").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        outbox.deliverDue();
        clock.advance(Duration.ofSeconds(1));
        outbox.deliverDue();
        clock.advance(Duration.ofHours(1));
        assertThat(outbox.deliverDue()).isZero();

        assertThat(slack.posts).hasSize(6);
        assertThat(slack.posts.get(1).message().title()).isEqualTo("10 announcements");
        assertThat(slack.posts.get(1).message().rows()).hasSize(10);
        assertThat(slack.titlesIn("C1")).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 24).mapToObj(i -> "INC-" + i).toList());
        assertThat(slack.posts.get(1).key()).startsWith("roundup:").isNotEqualTo(slack.posts.get(2).key());
    }

    @Test
    void aRoundupKeepsThePeopleItMentionsAndTheMostUrgentTone() {
        Actor alice = Actor.console("alice");
        for (int i = 1; i <= 4; i++) {
            outbox.announce(channel("C1"), Reply.toChannel("INC-" + i).text("Declared by " + Inline.user(alice) + ".")
                    .tone(i == 3 ? Reply.Tone.DANGER : Reply.Tone.INFO).build(), "k" + i);
        }
        outbox.deliverDue();

        Reply roundup = slack.posts.get(0).message();
        assertThat(roundup.title()).isEqualTo("4 announcements");
        assertThat(roundup.text()).isEqualTo("For " + Inline.user(alice));
        assertThat(roundup.tone()).isEqualTo(Reply.Tone.DANGER);
        assertThat(roundup.rows().get(0)).isEqualTo("INC-1 — Declared by " + Inline.user(alice) + ".");
    }

    @Test
    void reportsAndPagesToEveryoneAreNeverCombined() {
        announce("C1", 1, 2);
        outbox.announce(channel("C1"), Reply.toChannel("Digest").row("a row").build(), "digest");
        outbox.announce(channel("C1"), Reply.toChannel("INC-9").text(Inline.here() + " nobody is on call").build(),
                "page");
        announce("C1", 10, 14);

        for (int second = 0; second < 8; second++) {
            outbox.deliverDue();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(slack.posts).extracting(p -> p.message().title())
                .containsExactly("INC-1", "INC-2", "Digest", "INC-9", "5 announcements");
    }

    @Test
    void aRoundupThePlatformRefusesIsPostedOneByOne() {
        slack.refuseRoundups = ChannelPoster.DeliveryFailure.permanent("invalid_blocks");
        announce("C1", 1, 5);

        assertThat(outbox.deliverDue()).isZero();
        for (int second = 0; second < 6; second++) {
            outbox.deliverDue();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(slack.titlesIn("C1")).containsExactly("INC-1", "INC-2", "INC-3", "INC-4", "INC-5");
        assertThat(slack.posts).hasSize(5);
    }

    @Test
    void aChannelWhoseOldestMessageBacksOffWaitsForItButOtherChannelsDoNot() {
        PacedPoster failing = new PacedPoster(ChannelPoster.Pace.FREE);
        failing.failOnceIn = "C1";
        Outbox o = outbox(failing);
        o.announce(channel("C1"), Reply.toChannel("INC-1").build(), "k1");
        o.announce(channel("C1"), Reply.toChannel("INC-2").build(), "k2");
        o.announce(channel("C2"), Reply.toChannel("INC-3").build(), "k3");

        assertThat(o.deliverDue()).isEqualTo(1);
        assertThat(failing.titlesIn("C2")).containsExactly("INC-3");
        assertThat(failing.titlesIn("C1")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(o.deliverDue()).isEqualTo(2);
        assertThat(failing.titlesIn("C1")).containsExactly("INC-1", "INC-2");
    }

    @Test
    void racingRoundsOfTwoInstancesSendEachAnnouncementOnceAndInOrderPerChannel() throws Exception {
        PacedPoster shared = new PacedPoster(ChannelPoster.Pace.FREE);
        Outbox first = outbox(shared);
        Outbox second = outbox(shared);
        int channels = 4;
        int perChannel = 25;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                String id = "C" + c;
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perChannel; i++) {
                        first.announce(channel(id), Reply.toChannel(id + "-" + i).build(), id + "-" + i);
                    }
                    return null;
                }));
            }
            List<Future<?>> announcing = List.copyOf(work);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (Outbox instance : List.of(first, second, first, second)) {
                work.add(pool.submit(() -> {
                    go.await();
                    while (System.nanoTime() < deadline
                            && (announcing.stream().anyMatch(f -> !f.isDone()) || instance.deliverDue() > 0)) {
                        instance.deliverDue();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : work) {
                f.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        first.deliverDue();

        assertThat(shared.posts).hasSize(channels * perChannel);
        assertThat(shared.posts).extracting(RecordedPost::key).doesNotHaveDuplicates();
        assertThat(shared.overlapped).as("two posts to one channel at once").isFalse();
        for (int c = 0; c < channels; c++) {
            String id = "C" + c;
            List<String> expected = IntStream.range(0, perChannel).mapToObj(i -> id + "-" + i).toList();
            assertThat(shared.titlesIn(id)).as(id).containsExactlyElementsOf(expected);
        }
        assertThat(store.database().getCollection("outbox_queue").countDocuments()).isZero();
    }
}
