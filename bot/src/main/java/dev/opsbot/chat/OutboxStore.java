package dev.opsbot.chat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where pending announcements wait. A claim leases entries under a token with one conditional
 * write per entry, so of two bot instances claiming the same entry exactly one holds it.
 */
public interface OutboxStore {

    /** Stores a message under its key; false if a message with that key was ever stored. */
    boolean add(Envelope envelope);

    /**
     * What waits for these platforms, oldest first, at most {@code limit} entries. Leased and
     * backing-off entries are included: they hold up the channel behind them, which keeps its order.
     */
    List<Waiting> waiting(Collection<Platform> platforms, int limit);

    /**
     * Leases those of {@code entries} that are due and free until {@code until} under {@code token}.
     * Keys whose message was already sent or given up are dropped from the queue and reported.
     */
    Claim claim(List<Waiting> entries, Instant now, Instant until, String token);

    void markSent(Collection<String> keys, Instant at);

    /** Due again at {@code next}, if still held under {@code token}. */
    void retryAt(Collection<String> keys, String token, Instant next, String reason);

    void markFailed(Collection<String> keys, String reason);

    /** Hands entries held under {@code token} back, due at once; {@code alone} keeps them out of roundups. */
    void release(Collection<String> keys, String token, boolean alone);

    /** Drops sent messages created before {@code cutoff}; returns how many. */
    long pruneSentBefore(Instant cutoff);

    /** Every channel a part of this story was announced to, in the order they were first told. */
    List<ChannelRef> storyChannels(String story);

    /** The platform's reference to the delivered opening of a story in a channel (Slack ts, Discord message id). */
    Optional<String> opening(String story, ChannelRef channel);

    /**
     * Keeps the reference to a story's opening in a channel: the first one delivered, or with
     * {@code replace} a fresh card that opened the story again because there was none to edit.
     */
    void keepOpening(String story, ChannelRef channel, String ref, boolean replace);

    /**
     * A message and its delivery state; {@code attempts} counts this one. {@code part} places it in
     * a story, or is null for an announcement that stands alone.
     */
    record Envelope(String key, ChannelRef channel, Reply message, int attempts, Instant createdAt, StoryPart part) {

        public Envelope(String key, ChannelRef channel, Reply message, int attempts, Instant createdAt) {
            this(key, channel, message, attempts, createdAt, null);
        }
    }

    /** One queue entry as a delivery round sees it; {@code alone} never goes into a roundup. */
    record Waiting(String key, ChannelRef channel, int attempts, Instant nextAttemptAt, Instant leasedUntil,
            boolean alone) {

        boolean free(Instant now) {
            return !nextAttemptAt.isAfter(now) && !leasedUntil.isAfter(now);
        }
    }

    /** What a claim got: messages now held, and keys found already finished (removed from the queue). */
    record Claim(List<Envelope> held, Set<String> finished) {
    }
}
