package dev.opsbot.followup;

import dev.opsbot.digest.DigestSection;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The digest's list of follow-ups that already reminded someone and are still waiting, plus any
 * whose reminder is stuck past its time (a handler failing, no instance able to run it).
 */
public final class OverdueFollowUps implements DigestSection {

    private static final int SHOWN = 10;
    private static final int SCANNED = 500;
    private static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    private final DueItems due;

    public OverdueFollowUps(DueItems due) {
        this.due = due;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String title() {
        return "Overdue follow-ups";
    }

    /** Whether a follow-up already reminded someone and still waits, or its reminder is stuck. */
    public static boolean isOverdue(DueItem item, Instant now) {
        return item.overdueSince().isPresent() || item.dueAt().isBefore(now.minus(STUCK_AFTER));
    }

    @Override
    public List<String> lines(Instant now, ZoneId zone) {
        List<DueItem> overdue = due.followUps(null, SCANNED).stream()
                .filter(i -> isOverdue(i, now))
                .toList();
        return DigestSection.firstOf(overdue, SHOWN, i -> FollowUpRows.row(i, now, zone), "/followup list");
    }
}
