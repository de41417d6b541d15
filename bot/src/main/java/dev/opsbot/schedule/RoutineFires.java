package dev.opsbot.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Which scheduled time each routine last ran for. Every instance runs the same cron, so each
 * fire is offered to all of them; the one whose claim moves the mark forward runs it.
 */
public interface RoutineFires {

    static RoutineFires inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoRoutineFires(db);
    }

    /** Moves the routine's mark to {@code scheduledAt} if it is later than the mark; true if this call moved it. */
    boolean claim(String routine, Instant scheduledAt);

    /** The latest scheduled time the routine was claimed for, if it ever was. */
    Optional<Instant> lastClaimed(String routine);
}
