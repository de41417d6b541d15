package dev.opsbot.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable one-shot follow-ups. They live in the database until done, so a restart loses none,
 * and each is claimed atomically when it fires, so two bot instances never both carry it out.
 */
public interface DueItems {

    /** Stores the item, or moves it to the new time if an item with that id is still pending. */
    void schedule(DueItem item);

    /** Cancels a pending item; a no-op if it is gone. */
    void cancel(String id);

    /** Cancels every pending item about a subject, optionally only of one kind (null: all kinds). */
    void cancelAbout(String subject, String kind);

    Optional<DueItem> find(String id);

    /** Pending items about a subject, or all pending items when subject is null, soonest first. */
    List<DueItem> pending(String subject, int limit);

    /** Claims and runs every item due at {@code now} through its handler; returns how many ran. */
    int fireDue(Instant now);

    /** The earliest pending due time, so a clock can sleep until then. */
    Optional<Instant> nextDue();
}
