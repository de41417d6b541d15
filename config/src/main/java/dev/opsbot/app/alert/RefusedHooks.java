package dev.opsbot.app.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's log of refused posts: anyone who can reach the port can post junk, so each minute
 * gets a budget of lines and the rest is summed up in one line when the next minute starts. A line
 * names the status, a fixed reason and the sender's address, never the body or a stack trace.
 */
final class RefusedHooks {

    private static final Logger log = LoggerFactory.getLogger(RefusedHooks.class);

    private final Clock clock;
    private final int linesPerMinute;
    private Instant minute = Instant.EPOCH;
    private int logged;
    private long unlogged;

    RefusedHooks(Clock clock, int linesPerMinute) {
        this.clock = clock;
        this.linesPerMinute = linesPerMinute;
    }

    synchronized void refused(int status, String reason, String from) {
        Instant thisMinute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (!thisMinute.equals(minute)) {
            if (unlogged > 0) {
                log.warn("alertmanager webhook: {} further refusals in the minute from {} were not logged", unlogged,
                        minute);
            }
            minute = thisMinute;
            logged = 0;
            unlogged = 0;
        }
        if (logged >= linesPerMinute) {
            unlogged++;
            return;
        }
        logged++;
        log.warn("alertmanager webhook: {} for {} ({})", status, from, reason);
    }
}
