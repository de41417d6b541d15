package dev.opsbot.change;

import dev.opsbot.chat.Inline;
import dev.opsbot.digest.DigestSection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The digest's changes: windows today, then changes waiting for approval. */
public final class ChangesToday implements DigestSection {

    private static final int SHOWN = 5;
    private static final int MOST_LOOKED_AT = 200;

    private final ChangeRequests changes;

    public ChangesToday(ChangeRequests changes) {
        this.changes = changes;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String title() {
        return "Changes";
    }

    @Override
    public List<String> lines(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<ChangeRequest> todays = changes.during(from, to, MOST_LOOKED_AT).stream()
                .filter(c -> c.overlaps(from, to))
                .filter(c -> c.state() != ChangeState.CANCELLED && c.state() != ChangeState.REJECTED)
                .toList();
        List<ChangeRequest> pending = changes.list(new ChangeRequests.Query(ChangeState.REQUESTED, null, null,
                MOST_LOOKED_AT));
        List<String> lines = new ArrayList<>();
        lines.addAll(DigestSection.firstOf(todays, SHOWN, c -> "Today: " + ChangeCards.row(c, zone, now),
                "/change calendar --days 1"));
        lines.addAll(DigestSection.firstOf(pending, SHOWN, c -> "Waiting for approval: " + Inline.strong(c.id())
                + " · " + c.title() + " by " + Inline.user(c.requester()), "/change list --state requested"));
        return lines;
    }
}
