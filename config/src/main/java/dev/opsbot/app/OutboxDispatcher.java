package dev.opsbot.app;

import dev.opsbot.chat.Courier;
import dev.opsbot.chat.Outbox;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the outbox's {@link Courier}: at once when a message is stored (in server mode), and on a
 * one-second tick for retries and for messages stored by another instance. In the console the
 * session delivers right after each reply, so announcements print after the answer they follow.
 *
 * <p>Its phase puts it after the chat adapters on the way down: Spring stops lifecycles from the
 * highest phase, so the Discord gateway (default phase) and the web server (graceful shutdown at
 * default − 1024, stop at default − 2048) stop taking commands first; then the courier finishes or
 * hands back its posts within {@link #GRACE}; the store is closed after every lifecycle stopped.
 */
final class OutboxDispatcher implements SmartLifecycle {

    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    /** How long a shutdown waits for posts under way; what is still posting then is due again at the next start. */
    static final Duration GRACE = Duration.ofMillis(1500);
    private static final int THREADS = 4;

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Courier courier;
    private final boolean deliverOnAnnounce;

    OutboxDispatcher(Outbox outbox, boolean deliverOnAnnounce) {
        this.courier = new Courier(outbox, THREADS, Duration.ofSeconds(1));
        this.deliverOnAnnounce = deliverOnAnnounce;
    }

    @Override
    public void start() {
        courier.start(deliverOnAnnounce);
    }

    @Override
    public void stop() {
        if (!courier.stop(GRACE)) {
            log.info("outbox stopped with posts still under way; they are due again at the next start");
        }
    }

    @Override
    public boolean isRunning() {
        return courier.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
