package dev.opsbot.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per refused request, at most {@code perMinute} a minute: anyone who can reach the
 * endpoint can send junk, and junk must not be able to fill the log. Lines over the budget are
 * counted and reported as one "suppressed" line when the next minute's first refusal arrives.
 * Lines never carry a stack trace or the request's bytes, only a fixed reason.
 */
final class BadRequestLog {

    private static final Logger log = LoggerFactory.getLogger(BadRequestLog.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    static final int DEFAULT_PER_MINUTE = 10;

    private final Clock clock;
    private final int perMinute;
    private Instant windowStart = Instant.MIN;
    private int written;
    private long suppressed;

    BadRequestLog(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Notes a refused request: {@code status} and a reason in words, e.g. "bad signature". */
    synchronized void refused(int status, String reason, String from) {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            if (suppressed > 0) {
                log.warn("slack: {} more refused requests were not logged in the last minute", suppressed);
            }
            windowStart = now;
            written = 0;
            suppressed = 0;
        }
        if (written < perMinute) {
            written++;
            log.warn("slack: refused a request with {} ({}) from {}", status, reason,
                    from == null || from.isBlank() ? "socket mode" : from);
        } else {
            suppressed++;
        }
    }
}
