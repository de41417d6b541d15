package dev.opsbot;

import dev.opsbot.chat.Outbox;
import dev.opsbot.command.HandledRequests;
import dev.opsbot.incident.Incidents;
import dev.opsbot.schedule.Routine;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the collections commands read small, nightly: request ids are needed only while a platform
 * may retry (minutes), sent announcements only while their key may be announced again (days), and
 * finished incidents leave the working set for the archive once untouched for the archive age.
 * The audit log is never pruned.
 */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    public static final Duration REQUEST_IDS = Duration.ofDays(2);
    public static final Duration SENT_ANNOUNCEMENTS = Duration.ofDays(30);
    public static final Duration DEFAULT_ARCHIVE_AFTER = Duration.ofDays(7);
    /**
     * Any change to an incident marks it touched now, so with at least a day between the last
     * change and archiving, the routine never races a change that brings an incident back.
     */
    public static final Duration SHORTEST_ARCHIVE_AFTER = Duration.ofDays(1);

    private Retention() {
    }

    public static Routine routine(Outbox outbox, HandledRequests requests, ZoneId zone) {
        return routine(outbox, requests, null, DEFAULT_ARCHIVE_AFTER, zone);
    }

    /** Also archives incidents resolved or closed and untouched for {@code archiveAfter} (at least a day). */
    public static Routine routine(Outbox outbox, HandledRequests requests, Incidents incidents, Duration archiveAfter,
            ZoneId zone) {
        if (archiveAfter.compareTo(SHORTEST_ARCHIVE_AFTER) < 0) {
            throw new IllegalArgumentException("incidents are archived after a day at the soonest, not " + archiveAfter);
        }
        return new Routine("retention", "0 30 3 * * ?", zone, scheduledAt -> {
            requests.forgetBefore(scheduledAt.minus(REQUEST_IDS));
            long pruned = outbox.pruneSent(SENT_ANNOUNCEMENTS);
            log.info("retention: dropped {} sent announcements older than {}", pruned, SENT_ANNOUNCEMENTS);
            if (incidents != null) {
                int archived = incidents.archive(scheduledAt.minus(archiveAfter));
                log.info("retention: archived {} incidents finished and untouched for {}", archived, archiveAfter);
            }
        });
    }
}
