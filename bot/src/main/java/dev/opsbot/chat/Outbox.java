package dev.opsbot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable announcements. {@link #announce} only stores the message; {@link #deliverDue} sends
 * what is due through the poster of the channel's platform, retrying with backoff (or the
 * platform's Retry-After) until it is sent or found undeliverable. Delivery is marked right
 * after the post returns, so only a crash between the two can repeat a message.
 */
public final class Outbox implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    private final OutboxStore store;
    private final Clock clock;
    private final Map<Platform, ChannelPoster> posters = new EnumMap<>(Platform.class);
    private volatile Runnable onAnnounce = () -> { };

    public Outbox(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public synchronized void register(ChannelPoster poster) {
        posters.put(poster.platform(), poster);
    }

    /** Called after each new message is stored, so a dispatcher can deliver without waiting for its tick. */
    public void onAnnounce(Runnable wake) {
        this.onAnnounce = wake;
    }

    @Override
    public void announce(ChannelRef channel, Reply message, String idempotencyKey) {
        boolean added = store.add(new OutboxStore.Envelope(idempotencyKey, channel, message, 0, clock.instant()));
        if (added) {
            onAnnounce.run();
        }
    }

    /**
     * Forgets sent messages older than {@code age}. Their keys stop guarding against a repeat, which
     * is harmless for keys that name one event (a declaration, an escalation step, a fire time).
     */
    public long pruneSent(Duration age) {
        return store.pruneSentBefore(clock.instant().minus(age));
    }

    /** Delivers every message due now; returns how many were sent. Safe to call from several threads and hosts. */
    public int deliverDue() {
        Map<Platform, ChannelPoster> active;
        synchronized (this) {
            active = Map.copyOf(posters);
        }
        if (active.isEmpty()) {
            return 0;
        }
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            var next = store.claimNext(active.keySet(), now, LEASE);
            if (next.isEmpty()) {
                return sent;
            }
            if (deliver(next.get(), active.get(next.get().channel().platform()), now)) {
                sent++;
            }
        }
    }

    private boolean deliver(OutboxStore.Envelope envelope, ChannelPoster poster, Instant now) {
        try {
            poster.post(envelope.channel(), envelope.message());
            store.markSent(envelope.key(), clock.instant());
            return true;
        } catch (ChannelPoster.DeliveryFailure failure) {
            if (!failure.isRetryable() || now.isAfter(envelope.createdAt().plus(GIVE_UP_AFTER))) {
                log.warn("giving up on announcement {} to {}: {}", envelope.key(), envelope.channel().key(),
                        failure.getMessage());
                store.markFailed(envelope.key(), failure.getMessage());
                return false;
            }
            Duration wait = backoff(envelope.attempts() + 1, failure.retryAfter());
            log.info("announcement {} to {} will be retried in {}: {}", envelope.key(), envelope.channel().key(),
                    wait, failure.getMessage());
            store.retryAt(envelope.key(), now.plus(wait), failure.getMessage());
            return false;
        } catch (RuntimeException unexpected) {
            log.error("announcement {} to {} failed unexpectedly", envelope.key(), envelope.channel().key(),
                    unexpected);
            store.retryAt(envelope.key(), now.plus(backoff(envelope.attempts() + 1, Duration.ZERO)),
                    unexpected.toString());
            return false;
        }
    }

    /** The platform's Retry-After when it gave one; otherwise exponential from one second, capped. */
    static Duration backoff(int attempt, Duration platformAsked) {
        if (platformAsked != null && !platformAsked.isZero()) {
            return platformAsked;
        }
        Duration ours = Duration.ofSeconds(1L << Math.min(attempt - 1, 9));
        return ours.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : ours;
    }
}
