package dev.opsbot.chat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox in the background. A round (on one thread) claims the next post of each
 * free channel and hands the posts to a small pool, so channels go in parallel while each has at
 * most one post in flight. A round runs when a message is stored, when a post finishes, when a
 * paced or backing-off channel becomes ready, and on a steady tick for messages other instances
 * stored. {@link #stop} waits a bounded time for posts under way and hands back the rest.
 */
public final class Courier {

    private static final Logger log = LoggerFactory.getLogger(Courier.class);
    // Recording an outcome is a store write or two; waiting longer would only hide a stuck store.
    private static final Duration RECORDING_PATIENCE = Duration.ofMillis(500);

    private final Outbox outbox;
    private final int threads;
    private final Duration tick;
    private final Set<Delivery> underway = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean roundQueued = new AtomicBoolean();
    private volatile ScheduledThreadPoolExecutor rounds;
    private volatile ExecutorService posting;
    private long timedRoundAt;
    private volatile boolean stopping;

    public Courier(Outbox outbox, int threads, Duration tick) {
        this.outbox = outbox;
        this.threads = threads;
        this.tick = tick;
    }

    /** Starts the rounds; with {@code onAnnounce}, every stored message starts one at once. */
    public synchronized void start(boolean onAnnounce) {
        if (rounds != null && !stopping) {
            return;
        }
        stopping = false;
        rounds = new ScheduledThreadPoolExecutor(1, daemons("outbox"));
        rounds.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        rounds.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        posting = Executors.newFixedThreadPool(threads, daemons("outbox-post"));
        rounds.scheduleWithFixedDelay(this::round, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        if (onAnnounce) {
            outbox.onAnnounce(this::wake);
        }
        wake();
    }

    /** Asks for a round soon; a burst of calls makes one round, not one each. */
    public void wake() {
        ScheduledThreadPoolExecutor r = rounds;
        if (!stopping && r != null && roundQueued.compareAndSet(false, true)) {
            try {
                r.execute(this::round);
            } catch (RejectedExecutionException stopped) {
                roundQueued.set(false);
            }
        }
    }

    public boolean isRunning() {
        return rounds != null && !stopping;
    }

    private void round() {
        roundQueued.set(false);
        if (stopping) {
            return;
        }
        try {
            Outbox.Plan plan = outbox.plan(threads - underway.size());
            for (Delivery d : plan.deliveries()) {
                underway.add(d);
                posting.execute(() -> post(d));
            }
            if (plan.readyIn() != null && plan.readyIn().compareTo(tick) < 0) {
                timeRound(plan.readyIn());
            }
        } catch (RuntimeException e) {
            log.warn("outbox delivery round failed; will retry: {}", e.toString());
        }
    }

    /** One timed round for the earliest channel to become ready; rounds run on one thread, so no lock. */
    private void timeRound(Duration in) {
        long at = System.nanoTime() + Math.max(0, in.toNanos());
        if (timedRoundAt != 0 && timedRoundAt - at <= 0) {
            return;
        }
        timedRoundAt = at;
        rounds.schedule(() -> {
            timedRoundAt = 0;
            round();
        }, Math.max(0, in.toMillis()) + 1, TimeUnit.MILLISECONDS);
    }

    private void post(Delivery d) {
        try {
            d.run();
        } catch (RuntimeException e) {
            log.warn("could not record a post to {}; it goes again when its lease runs out: {}", d.channel().key(),
                    e.toString());
        } finally {
            underway.remove(d);
            wake();
        }
    }

    /**
     * Stops claiming, waits up to {@code grace} for posts under way, then hands back whatever has
     * not finished: due again at the next start, and never recorded late by a post that returns
     * after this (the store closes next). Returns true if nothing had to be handed back.
     */
    public boolean stop(Duration grace) {
        ScheduledThreadPoolExecutor r;
        ExecutorService p;
        synchronized (this) {
            if (rounds == null || stopping) {
                return true;
            }
            r = rounds;
            p = posting;
            stopping = true;
        }
        outbox.onAnnounce(() -> { });
        long deadline = System.nanoTime() + grace.toNanos();
        r.shutdown();
        boolean clean = true;
        try {
            r.awaitTermination(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS);
            for (Delivery d : List.copyOf(underway)) {
                d.awaitFinished(remaining(deadline));
            }
            for (Delivery d : List.copyOf(underway)) {
                if (d.awaitFinished(Duration.ZERO)) {
                    continue;
                }
                if (!d.abandon()) {
                    d.awaitFinished(RECORDING_PATIENCE);
                }
                clean = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        } finally {
            p.shutdownNow();
        }
        return clean;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
