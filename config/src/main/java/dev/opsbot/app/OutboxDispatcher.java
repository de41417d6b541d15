package dev.opsbot.app;

import dev.opsbot.chat.Outbox;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends what waits in the outbox: at once when a message is stored (in server mode), and on a
 * one-second tick for retries and for messages stored by another instance. In the console the
 * session delivers right after each reply, so announcements print after the answer they follow.
 */
final class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final boolean deliverOnAnnounce;
    private final AtomicBoolean roundQueued = new AtomicBoolean();
    private ScheduledExecutorService worker;

    OutboxDispatcher(Outbox outbox, boolean deliverOnAnnounce) {
        this.outbox = outbox;
        this.deliverOnAnnounce = deliverOnAnnounce;
    }

    @Override
    public synchronized void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::deliver, 1, 1, TimeUnit.SECONDS);
        if (deliverOnAnnounce) {
            // A burst of announcements needs one more round, not one round each.
            outbox.onAnnounce(() -> {
                if (roundQueued.compareAndSet(false, true)) {
                    worker.execute(this::deliver);
                }
            });
        }
    }

    private void deliver() {
        roundQueued.set(false);
        try {
            outbox.deliverDue();
        } catch (RuntimeException e) {
            log.warn("outbox delivery round failed; will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            outbox.onAnnounce(() -> { });
            worker.shutdown();
            try {
                worker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }
}
