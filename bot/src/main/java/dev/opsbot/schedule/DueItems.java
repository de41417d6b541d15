package dev.opsbot.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Durable one-shot follow-ups. They live in the database until done, so a restart loses none,
 * and each is claimed atomically when it fires, so two bot instances never both carry it out.
 * An item whose handler succeeded is gone; one whose handler threw is retried later with backoff.
 */
public interface DueItems {

    /**
     * Items in MongoDB, one document each, fired through the handlers registered in {@code handlers}.
     * Follow-up refs ({@code FU-12}) come from {@code counters}.
     */
    static DueItems inMongo(com.mongodb.client.MongoDatabase db, dev.opsbot.store.Counters counters,
            DueHandlers handlers) {
        return new MongoDueItems(db, counters, handlers);
    }

    /**
     * Stores the item, or moves it to the new time (with the new data) if an item with that id is
     * pending. A handler may schedule its own item again while it runs: the new time then stands
     * (use {@link #reschedule} for that, so a cancel made meanwhile stands too).
     */
    void schedule(DueItem item);

    /**
     * Moves a pending item to the item's time and data, like {@link #schedule}, but only if it is
     * still there: a handler re-arming its own item uses this, so a cancel while it ran stands.
     * False if the item is gone.
     */
    boolean reschedule(DueItem item);

    /**
     * Moves a pending item to another time, keeping its data; false if it is gone (it fired or was
     * cancelled meanwhile), so a snooze never brings a finished item back.
     */
    boolean moveTo(String id, Instant at);

    /**
     * Hands the pending items about {@code subject} that wait on {@code fromOwnerKey} to
     * {@code toOwnerKey}, keeping their times: when an item changes hands, what its owner had to
     * do falls to the new owner. Returns how many moved.
     */
    int reassign(String subject, String fromOwnerKey, String toOwnerKey);

    /** Cancels a pending item; a no-op if it is gone. */
    void cancel(String id);

    /** Cancels every pending item about a subject, optionally only of one kind (null: all kinds). */
    void cancelAbout(String subject, String kind);

    Optional<DueItem> find(String id);

    /** Pending items about a subject, or all pending items when subject is null, soonest first. */
    List<DueItem> pending(String subject, int limit);

    /** Claims and runs every item due at {@code now} through its handler; returns how many ran. */
    int fireDue(Instant now);

    /** The earliest pending due time among kinds this instance can run, so a clock can sleep until then. */
    Optional<Instant> nextDue();

    /** The pending follow-up with this ref ({@code FU-12}), if any. */
    Optional<DueItem> findByRef(String ref);

    /** Pending follow-ups (items with a label), soonest first; only those owned by {@code ownerKey} unless null. */
    List<DueItem> followUps(String ownerKey, int limit);

    /**
     * Called with the due time of every item scheduled from this instance, so a clock sleeping
     * until a later time can wake earlier.
     */
    void onSchedule(Consumer<Instant> wake);
}
