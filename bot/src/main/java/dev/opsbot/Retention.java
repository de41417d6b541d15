package dev.opsbot;

import dev.opsbot.chat.Outbox;
import dev.opsbot.command.HandledRequests;
import dev.opsbot.schedule.Routine;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the bookkeeping collections small, nightly: request ids are needed only while a platform
 * may retry (minutes), sent announcements only while their key may be announced again (days).
 * The audit log is never pruned.
 */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    public static final Duration REQUEST_IDS = Duration.ofDays(2);
    public static final Duration SENT_ANNOUNCEMENTS = Duration.ofDays(30);

    private Retention() {
    }

    public static Routine routine(Outbox outbox, HandledRequests requests, ZoneId zone) {
        return new Routine("retention", "0 30 3 * * ?", zone, scheduledAt -> {
            requests.forgetBefore(scheduledAt.minus(REQUEST_IDS));
            long pruned = outbox.pruneSent(SENT_ANNOUNCEMENTS);
            log.info("retention: dropped {} sent announcements older than {}", pruned, SENT_ANNOUNCEMENTS);
        });
    }
}
