package dev.opsbot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per refused request, at most {@code perMinute} a minute: anyone who can reach an
 * endpoint (Slack's, the Alertmanager webhook) can send junk, and junk must not be able to fill
 * the log. Lines over the budget are counted and reported as one line when the next minute's
 * first refusal arrives. Lines carry the status, a fixed reason and the sender, never a stack
 * trace or the request's bytes.
 */
public final class RefusalLog {

    public static final int DEFAULT_PER_MINUTE = 10;
    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final String endpoint;
    private final Clock clock;
    private final int perMinute;
    private Instant windowStart = Instant.MIN;
    private int written;
    private long suppressed;

    /** {@code endpoint} starts every line, e.g. "slack" or "alertmanager webhook". */
    public RefusalLog(String endpoint, Clock clock, int perMinute) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Notes a refused request: {@code status}, a reason in words ("bad signature") and who sent it. */
    public synchronized void refused(int status, String reason, String from) {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            if (suppressed > 0) {
                log.warn("{}: {} more refused requests were not logged in the last minute", endpoint, suppressed);
            }
            windowStart = now;
            written = 0;
            suppressed = 0;
        }
        if (written < perMinute) {
            written++;
            log.warn("{}: refused a request with {} ({}) from {}", endpoint, status, reason,
                    from == null || from.isBlank() ? "an unknown sender" : from);
        } else {
            suppressed++;
        }
    }
}
