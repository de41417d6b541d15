package dev.opsbot.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claimed post to one channel: a single announcement, or a roundup of several. Exactly one
 * side records what became of it: the thread that posted, once the platform answered, or
 * {@link #abandon} during a shutdown, which hands the entries back for the next start and makes
 * the posting thread, should it return later, record nothing (the store may be closed by then).
 */
final class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private enum State { CLAIMED, POSTING, RECORDING, DONE, RELEASED }

    private final Outbox outbox;
    private final ChannelPoster poster;
    private final ChannelRef channel;
    private final List<OutboxStore.Envelope> envelopes;
    private final String token;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLAIMED);
    private final CountDownLatch finished = new CountDownLatch(1);

    Delivery(Outbox outbox, ChannelPoster poster, ChannelRef channel, List<OutboxStore.Envelope> envelopes,
            String token) {
        this.outbox = outbox;
        this.poster = poster;
        this.channel = channel;
        this.envelopes = List.copyOf(envelopes);
        this.token = token;
    }

    ChannelRef channel() {
        return channel;
    }

    List<String> keys() {
        return envelopes.stream().map(OutboxStore.Envelope::key).toList();
    }

    /** Posts and records the outcome; returns how many announcements were sent. */
    int run() {
        if (!state.compareAndSet(State.CLAIMED, State.POSTING)) {
            return 0;
        }
        Outcome outcome = post();
        if (!state.compareAndSet(State.POSTING, State.RECORDING)) {
            return 0;
        }
        try {
            return record(outcome);
        } finally {
            state.set(State.DONE);
            outbox.finished(this, true);
            finished.countDown();
        }
    }

    /**
     * Gives the entries back unless the post already finished: due at once for the next round or
     * the next start. A post whose HTTP call was under way may still reach the channel; that is the
     * one window for a repeat. Returns false if the outcome is being recorded right now.
     */
    boolean abandon() {
        boolean wasPosting = state.compareAndSet(State.POSTING, State.RELEASED);
        if (!wasPosting && !state.compareAndSet(State.CLAIMED, State.RELEASED)) {
            return state.get() == State.DONE;
        }
        try {
            outbox.store().release(keys(), token, false);
            if (wasPosting) {
                log.info("stopped waiting for the post of {} to {}; it is due again at the next start",
                        keys(), channel.key());
            }
        } finally {
            outbox.finished(this, wasPosting);
            finished.countDown();
        }
        return true;
    }

    boolean awaitFinished(Duration patience) throws InterruptedException {
        return finished.await(Math.max(0, patience.toMillis()), TimeUnit.MILLISECONDS);
    }

    private sealed interface Outcome {
    }

    /** Posted; {@code opening} is the reference to keep when the post opened (or reopened) a story. */
    private record Sent(Instant at, String opening, boolean replaces) implements Outcome {
    }

    private record Failed(ChannelPoster.DeliveryFailure failure) implements Outcome {
    }

    private record Crashed(RuntimeException error) implements Outcome {
    }

    private Outcome post() {
        Reply message = envelopes.size() == 1 ? envelopes.get(0).message()
                : Roundup.of(envelopes.stream().map(OutboxStore.Envelope::message).toList());
        String key = envelopes.size() == 1 ? envelopes.get(0).key() : Roundup.key(keys());
        try {
            if (envelopes.size() == 1 && envelopes.get(0).part() != null) {
                return tell(envelopes.get(0));
            }
            // A roundup keeps no reference: the openings in it are not cards, so their stories open again.
            poster.post(channel, message, key);
            return new Sent(outbox.now(), null, false);
        } catch (ChannelPoster.DeliveryFailure failure) {
            return new Failed(failure);
        } catch (RuntimeException unexpected) {
            return new Crashed(unexpected);
        }
    }

    /**
     * One part of a story. The opening is posted and its reference kept. A later part edits the
     * delivered opening and replies under it; with no opening to edit (never delivered, given up,
     * or sent in a roundup) it posts a fresh card, which becomes the opening from then on.
     */
    private Outcome tell(OutboxStore.Envelope e) throws ChannelPoster.DeliveryFailure {
        StoryPart part = e.part();
        if (part.opening()) {
            return new Sent(outbox.now(), poster.open(channel, e.message(), e.key()), false);
        }
        if (!poster.edits()) {
            if (!part.quiet()) {
                poster.post(channel, part.line(), e.key());
            }
            return new Sent(outbox.now(), null, false);
        }
        var opening = outbox.store().opening(part.story(), channel);
        if (opening.isPresent()) {
            String fresh = poster.retell(channel, opening.get(), e.message(), part.quiet() ? null : part.line(),
                    e.key());
            return new Sent(outbox.now(), fresh, true);
        }
        if (part.quiet()) {
            return new Sent(outbox.now(), null, false);
        }
        return new Sent(outbox.now(), poster.open(channel, e.message(), e.key()), true);
    }

    private int record(Outcome outcome) {
        OutboxStore store = outbox.store();
        Instant now = outbox.now();
        OutboxStore.Envelope head = envelopes.get(0);
        if (outcome instanceof Sent sent) {
            if (sent.opening() != null) {
                // Kept before the message counts as sent: a crash in between posts it again, never loses the reference.
                store.keepOpening(head.part().story(), channel, sent.opening(), sent.replaces());
            }
            store.markSent(keys(), sent.at());
            return envelopes.size();
        }
        if (outcome instanceof Crashed crashed) {
            log.error("announcements {} to {} failed unexpectedly", keys(), channel.key(), crashed.error());
            store.retryAt(keys(), token, now.plus(Outbox.backoff(head.attempts(), Duration.ZERO)),
                    crashed.error().toString());
            return 0;
        }
        ChannelPoster.DeliveryFailure failure = ((Failed) outcome).failure();
        if (!failure.isRetryable() && envelopes.size() > 1) {
            log.warn("a roundup of {} announcements to {} was refused ({}); they go one by one",
                    envelopes.size(), channel.key(), failure.getMessage());
            store.release(keys(), token, true);
        } else if (!failure.isRetryable() || now.isAfter(head.createdAt().plus(Outbox.GIVE_UP_AFTER))) {
            log.warn("giving up on announcements {} to {}: {}", keys(), channel.key(), failure.getMessage());
            store.markFailed(keys(), failure.getMessage());
        } else {
            Duration wait = Outbox.backoff(head.attempts(), failure.retryAfter());
            log.info("announcements {} to {} will be retried in {}: {}", keys(), channel.key(), wait,
                    failure.getMessage());
            store.retryAt(keys(), token, now.plus(wait), failure.getMessage());
        }
        return 0;
    }
}
