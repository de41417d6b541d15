package dev.opsbot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs routines for the scheduler, whichever it is: each scheduled time runs once across every
 * instance sharing the database, and a time missed while no instance was up runs once at start.
 * A routine that throws is logged and not retried; its next scheduled time runs as usual.
 */
public final class RoutineRunner {

    private static final Logger log = LoggerFactory.getLogger(RoutineRunner.class);
    // Looking back through growing windows finds the latest missed fire of a minutely routine in a
    // few steps and still finds a yearly one, without walking every minute of a long outage.
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofHours(1), Duration.ofDays(2),
            Duration.ofDays(40), Duration.ofDays(400), Duration.ofDays(4000));
    private static final int MAX_STEPS = 100_000;

    private final RoutineFires fires;

    public RoutineRunner(RoutineFires fires) {
        this.fires = fires;
    }

    /** Runs the routine for this scheduled time unless another instance already did; true if this one ran it. */
    public boolean fire(Routine routine, Instant scheduledAt) {
        if (!fires.claim(routine.name(), scheduledAt)) {
            return false;
        }
        try {
            routine.action().run(scheduledAt);
        } catch (RuntimeException failure) {
            log.error("routine {} failed for {}", routine.name(), scheduledAt, failure);
        }
        return true;
    }

    /**
     * At start: if the routine's latest scheduled time at or before {@code now} was never claimed,
     * runs it once (not once per missed period) and returns it. A routine never seen before only
     * gets its mark set to {@code now}, so it starts with its next scheduled time.
     * {@code nextAfter} gives the routine's next scheduled time strictly after an instant, or null.
     */
    public Optional<Instant> catchUp(Routine routine, Instant now, UnaryOperator<Instant> nextAfter) {
        Optional<Instant> last = fires.lastClaimed(routine.name());
        if (last.isEmpty()) {
            fires.claim(routine.name(), now);
            return Optional.empty();
        }
        for (Duration window : LOOK_BACK) {
            Instant from = now.minus(window).isAfter(last.get()) ? now.minus(window) : last.get();
            Instant missed = latestBetween(from, now, nextAfter);
            if (missed != null) {
                log.info("routine {} missed its run at {}; running it once now", routine.name(), missed);
                return fire(routine, missed) ? Optional.of(missed) : Optional.empty();
            }
            if (from.equals(last.get())) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Instant latestBetween(Instant after, Instant upTo, UnaryOperator<Instant> nextAfter) {
        Instant latest = null;
        Instant t = nextAfter.apply(after);
        for (int step = 0; t != null && !t.isAfter(upTo) && step < MAX_STEPS; step++) {
            latest = t;
            t = nextAfter.apply(t);
        }
        return latest;
    }
}
