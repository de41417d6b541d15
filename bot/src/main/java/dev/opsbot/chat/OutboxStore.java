package dev.opsbot.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Where pending announcements wait; claiming is atomic so two bot instances never both send one. */
public interface OutboxStore {

    /** Stores a message under its key; false if a message with that key was ever stored. */
    boolean add(Envelope envelope);

    /** Claims the next due message for one of these platforms, leasing it for {@code lease}. */
    Optional<Envelope> claimNext(Collection<Platform> platforms, Instant now, Duration lease);

    void markSent(String key, Instant at);

    void retryAt(String key, Instant next, String reason);

    void markFailed(String key, String reason);

    /** Drops sent messages created before {@code cutoff}; returns how many. */
    long pruneSentBefore(Instant cutoff);

    /** A message and its delivery state. */
    record Envelope(String key, ChannelRef channel, Reply message, int attempts, Instant createdAt) {
    }
}
