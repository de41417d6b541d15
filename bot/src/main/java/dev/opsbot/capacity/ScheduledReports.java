package dev.opsbot.capacity;

import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import java.time.Instant;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routine behind {@code /capacity schedule}: on each tick, every schedule whose time has come
 * gets its report through the outbox, keyed by schedule and scheduled time, and is then marked
 * handled. A crash between the two posts nothing twice (the outbox keeps the key); a tick missed
 * while opsbot was down posts the latest due report once at the next tick.
 */
public final class ScheduledReports {

    /** Quartz cron of the tick: the start of every minute. */
    public static final String EVERY_MINUTE = "0 * * * * ?";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledReports.class);

    private final ReportSchedules schedules;
    private final CapacityReport report;
    private final Notifier notifier;
    private final ZoneId teamZone;

    public ScheduledReports(ReportSchedules schedules, CapacityReport report, Notifier notifier, ZoneId teamZone) {
        this.schedules = schedules;
        this.report = report;
        this.notifier = notifier;
        this.teamZone = teamZone;
    }

    /** Posts what is due at {@code now}; returns how many reports were posted. */
    public int run(Instant now) {
        int posted = 0;
        for (ReportSchedule s : schedules.all()) {
            Instant due = s.dueAt(now);
            if (due == null) {
                continue;
            }
            try {
                String service = s.service().isEmpty() ? null : s.service();
                Reply reply = report.reply(report.rank(service, now), service, Reply.toChannel(
                        "Capacity report" + (service == null ? "" : " for " + service) + " — "
                                + TimeText.at(due, s.zone() == null ? teamZone : s.zone(), now)));
                notifier.announce(s.channel(), reply, "capacity:" + s.id() + ":" + due);
                if (schedules.handled(s.id(), due)) {
                    posted++;
                }
            } catch (RuntimeException e) {
                // the schedule stays unhandled, so the next tick tries again
                LOG.error("capacity report {} for {} failed", s.id(), due, e);
            }
        }
        return posted;
    }
}
